import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { AppProcess } from "../support/app-process";
import { SCREENSHOTS } from "../support/browser";
import { startDeliveringApp } from "../support/delivering-app";
import { pageErrors, signInAsDemo } from "../support/portal-session";
import { startReceiver } from "../support/receiver";

let app: AppProcess;
let browser: Browser;

beforeAll(async () => {
  ({ app, browser } = await startDeliveringApp());
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("the dead-letter queue in a real browser", () => {
  it("puts a failing endpoint's delivery in the dead-letter queue, and a resend succeeds once the receiver is fixed", {
    timeout: 120_000,
  }, async () => {
    const receiver = await startReceiver(() => ({ status: 500 }));
    const page = await signInAsDemo(browser, app);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Applications" }).click();
    await page.getByRole("link", { name: "Demo customer" }).click();
    await page.getByLabel("Endpoint URL").fill(receiver.url);
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await page.getByRole("heading", { name: receiver.url }).waitFor();
    // The URL check after creating leads to the Testing tab.
    await page.getByRole("link", { name: "Send a test event" }).click();
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(page.getByTestId("test-event-result").textContent()).resolves.toMatch(
      /^HTTP 500 from your server after \d+ ms$/,
    );
    await receiver.waitFor(2);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dead letters" }).click();
    const row = page.getByRole("row").filter({ hasText: receiver.url });
    for (let i = 0; i < 20 && (await row.count()) === 0; i++) {
      await page.waitForTimeout(500);
      await page.reload();
    }
    await row.first().waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, "dead-letter.png"), fullPage: true });
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
    await page.getByText("No endpoint is failing").or(page.getByText("Failing right now")).first().waitFor();
    await expect(page.getByRole("link", { name: receiver.url }).first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, "dashboard.png"), fullPage: true });
    await page.goBack();

    // Why it failed, in words, with the actions above the list.
    await expect(row.first().textContent()).resolves.toMatch(/HTTP 500 from your server after \d+ ms/);
    await expect(page.getByTestId("dlq-actions").textContent()).resolves.toMatch(
      /Resend selected.*Resend all \d+ matching/,
    );
    receiver.setResponder(() => ({ status: 200 }));
    await row.first().getByRole("checkbox").check();
    await page.getByRole("button", { name: "Resend selected" }).click();
    await page.getByText("1 sent again.").waitFor();
    await receiver.waitFor(3);
    for (let i = 0; i < 20 && (await row.count()) > 0; i++) {
      await page.waitForTimeout(500);
      await page.reload();
    }
    expect(await row.count()).toBe(0);

    // Recover: everything that failed for the endpoint since a time picked in the viewer's zone,
    // with progress until it has all been sent again.
    receiver.setResponder(() => ({ status: 500 }));
    const endpoint = await db.endpoint.findFirstOrThrow({ where: { url: receiver.url } });
    await page.goto(`${app.url}/applications/${endpoint.applicationId}/endpoints/${endpoint.id}?tab=testing`);
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(page.getByTestId("test-event-result").textContent()).resolves.toMatch(
      /^HTTP 500 from your server after \d+ ms$/,
    );
    await expect
      .poll(() => db.delivery.count({ where: { endpointId: endpoint.id, status: "failed" } }), {
        timeout: 20_000,
      })
      .toBe(1);
    receiver.setResponder(() => ({ status: 200 }));
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dead letters" }).click();
    await page
      .getByLabel("Endpoint", { exact: true })
      .selectOption({ label: `Demo customer — ${receiver.url}` });
    const anHourAgo = await page.evaluate(() => {
      const d = new Date(Date.now() - 3_600_000);
      const pad = (n: number) => String(n).padStart(2, "0");
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    });
    await page.getByLabel("Failed messages since").fill(anHourAgo);
    await page.getByRole("button", { name: "Recover" }).click();
    await page.getByText("Recovering 1 deliveries: 1 sent again so far").waitFor();
    await expect(
      page.getByRole("progressbar", { name: "Recovery progress" }).getAttribute("value"),
    ).resolves.toBe("1");
    await expect
      .poll(() => db.delivery.count({ where: { endpointId: endpoint.id, status: "failed" } }))
      .toBe(0);
    // The recovery ran as a background task (the API's), listed on the page with its result.
    await page.reload();
    const task = page.getByTestId("background-tasks").getByRole("row").filter({ hasText: "Recover" }).first();
    await expect(task.textContent()).resolves.toMatch(/finished.*1 deliveries sent again/);

    // Dark mode, at tablet width.
    await page.setViewportSize({ width: 820, height: 1180 });
    await page.locator("summary", { hasText: "Account" }).click();
    await page.getByLabel("Colour theme").selectOption("dark");
    // Below 1280 px the pages are in the phone menu.
    await page.locator("summary", { hasText: "Menu" }).click();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
    await page.waitForURL(/\/dashboard/);
    await page.reload();
    await expect(page.evaluate(() => document.documentElement.classList.contains("dark"))).resolves.toBe(
      true,
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, "dashboard-dark-tablet.png"), fullPage: true });
    // The volume chart counts this tenant's messages; a bar opens the log for its span.
    await expect(page.getByTestId("volume-chart").getAttribute("data-messages")).resolves.not.toBe("0");
    await page.getByTestId("volume-chart").locator(".recharts-bar-rectangle path").first().click();
    await page.waitForURL(/\/messages\?from=.*&to=/);
    await page.getByRole("link", { name: /^msg_/ }).first().waitFor();
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
    await receiver.close();
  });
});
