import path from "node:path";
import type { Browser } from "playwright-core";
import { Svix } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seriousViolations } from "../support/accessibility";
import { type AppProcess, startApp } from "../support/app-process";
import { launchBrowser, SCREENSHOTS } from "../support/browser";
import { freshDatabase } from "../support/database";
import { pageErrors, signInAsDemo, watchErrors } from "../support/portal-session";
import { startReceiver } from "../support/receiver";

// Issue #14 item 1: an endpoint that fails every attempt must not look like a healthy one.
let app: AppProcess;
let browser: Browser;
let svix: Svix;

beforeAll(async () => {
  app = await startApp(await freshDatabase(), {
    DELIVERY_ALLOW_CIDRS: "127.0.0.0/8",
    DELIVERY_REQUIRE_HTTPS: "false",
    DELIVERY_RETRY_SCHEDULE: "0",
    DELIVERY_RETRY_JITTER: "0",
  });
  browser = await launchBrowser();
  svix = new Svix(/Demo API key:\s+(\S+)/.exec(app.output())![1]!, { serverUrl: app.url });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("health in endpoint lists", () => {
  it("shows failing, healthy and idle endpoints apart, unhealthy first, in the portal and the widget", {
    timeout: 120_000,
  }, async () => {
    const ok = await startReceiver(() => ({ status: 204 }));
    const broken = await startReceiver(() => ({ status: 500 }));
    const application = await svix.application.create({ name: "Health check" });
    await svix.endpoint.create(application.id, { url: `${ok.url}/healthy` });
    await svix.endpoint.create(application.id, { url: `${broken.url}/broken` });
    await svix.endpoint.create(application.id, {
      url: "https://idle.example.com/hook",
      eventTypes: ["invoice.paid"],
    });
    for (let i = 0; i < 3; i++)
      await svix.message.create(application.id, { eventType: "user.created", payload: { i } });
    await expect
      .poll(() => db.messageAttempt.count({ where: { applicationId: application.id } }), { timeout: 20_000 })
      .toBe(6);

    const page = await signInAsDemo(browser, app);
    for (const theme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(`${app.url}/applications/${application.id}`);
      const items = page.getByTestId("endpoint-list").getByRole("listitem");
      await expect(items.nth(0).textContent()).resolves.toMatch(
        /\/broken.*Failing.*3 failures in a row.*0% of 3 attempts.*Last: HTTP 500/,
      );
      await expect(items.nth(1).textContent()).resolves.toMatch(/idle\.example\.com.*No attempts yet/);
      await expect(items.nth(2).textContent()).resolves.toMatch(
        /\/healthy.*Healthy.*100% of 3 attempts.*Last: HTTP 204/,
      );
      await page.screenshot({ path: path.join(SCREENSHOTS, `endpoint-health-${theme}.png`), fullPage: true });
    }
    // The page leads to the application's messages, dead letters and widget preview; deleting is
    // there, but not the biggest button at the top.
    const nav = page.getByRole("navigation", { name: "This application" });
    await expect(nav.getByRole("link").allTextContents()).resolves.toEqual([
      "Messages",
      "Dead letters",
      "Widget preview",
    ]);
    await expect(nav.getByRole("link", { name: "Messages" }).getAttribute("href")).resolves.toBe(
      `/messages?app=${application.id}`,
    );
    await expect(
      page.getByRole("button", { name: "Delete application" }).getAttribute("class"),
    ).resolves.toContain("border-red-300");
    expect(pageErrors(page)).toEqual([]);

    const { url } = await svix.authentication.appPortalAccess(application.id, {});
    const widget = watchErrors(await (await browser.newContext()).newPage());
    await widget.goto(url);
    const first = widget.getByTestId("endpoint-list").getByRole("listitem").first();
    await expect(first.textContent()).resolves.toMatch(/\/broken.*Failing/);
    expect(pageErrors(widget)).toEqual([]);
    await ok.close();
    await broken.close();
  });

  it("lets a customer recover failed messages in the widget, with progress", {
    timeout: 120_000,
  }, async () => {
    let healthy = false;
    const receiver = await startReceiver(() => ({ status: healthy ? 200 : 503 }));
    const application = await svix.application.create({ name: "Customer recovery" });
    const ep = await svix.endpoint.create(application.id, { url: receiver.url });
    for (let i = 0; i < 3; i++)
      await svix.message.create(application.id, { eventType: "user.created", payload: { i } });
    await expect
      .poll(() => db.delivery.count({ where: { endpointId: ep.id, status: "failed" } }), { timeout: 20_000 })
      .toBe(3);
    healthy = true;

    const { url } = await svix.authentication.appPortalAccess(application.id, {});
    const widget = watchErrors(await (await browser.newContext()).newPage());
    await widget.emulateMedia({ colorScheme: "dark" });
    await widget.goto(url);
    // The failed-deliveries view lists them and says where to recover them.
    await widget.getByRole("navigation", { name: "Webhooks" }).getByRole("link", { name: "Failed" }).click();
    await expect(widget.getByTestId("failed-endpoints").textContent()).resolves.toMatch(
      /3 failed · recover on its Overview/,
    );
    await expect.poll(() => widget.getByRole("link", { name: /^msg_/ }).count()).toBe(3);
    expect(await seriousViolations(widget)).toEqual([]);
    await widget.getByTestId("failed-endpoints").getByRole("link", { name: receiver.url }).click();
    await widget.getByRole("heading", { name: "Recover failed messages" }).waitFor();
    const anHourAgo = await widget.evaluate(() => {
      const d = new Date(Date.now() - 3_600_000);
      const pad = (n: number) => String(n).padStart(2, "0");
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    });
    await widget.getByLabel("Failed messages since").fill(anHourAgo);
    await widget.getByRole("button", { name: "Recover" }).click();
    await widget.getByText("Recovering 3 deliveries: 3 sent again so far").waitFor({ timeout: 20_000 });
    await widget.screenshot({ path: path.join(SCREENSHOTS, "widget-recover.png"), fullPage: true });
    expect(await db.delivery.count({ where: { endpointId: ep.id, status: "succeeded" } })).toBe(3);
    expect(await db.backgroundTask.count({ where: { task: "endpoint.recover" } })).toBe(1);
    expect(pageErrors(widget)).toEqual([]);
    await receiver.close();
  });

  it("offers a customer who enables a disabled endpoint to send what was parked meanwhile", {
    timeout: 120_000,
  }, async () => {
    const receiver = await startReceiver(() => ({ status: 204 }));
    const application = await svix.application.create({ name: "Parked" });
    const ep = await svix.endpoint.create(application.id, { url: receiver.url, disabled: true });
    for (let i = 0; i < 2; i++)
      await svix.message.create(application.id, { eventType: "user.created", payload: { i } });
    await expect
      .poll(() => db.delivery.count({ where: { endpointId: ep.id, status: "parked" } }), { timeout: 20_000 })
      .toBe(2);
    const { url } = await svix.authentication.appPortalAccess(application.id, {});
    const widget = watchErrors(await (await browser.newContext()).newPage());
    await widget.goto(url);
    // A parked message's page offers no "Resend" that would send nothing: it says why, and where to enable.
    await widget
      .getByRole("navigation", { name: "Webhooks" })
      .getByRole("link", { name: "Messages" })
      .click();
    await widget.getByRole("link", { name: /^msg_/ }).first().click();
    await expect(widget.getByTestId("disabled-endpoint").textContent()).resolves.toMatch(
      /Endpoint disabled: nothing is sent/,
    );
    expect(await widget.getByRole("button", { name: /^Resend/ }).count()).toBe(0);
    await widget.getByTestId("disabled-endpoint").getByRole("link", { name: "Enable it" }).click();
    // Disabled: no offer yet, the way out is said.
    await widget.getByText("enable it, then recover them").waitFor();
    expect(await widget.getByTestId("parked-offer").count()).toBe(0);
    await widget.getByRole("button", { name: "Enable" }).click();
    await widget
      .getByTestId("parked-offer")
      .getByText("2 messages were held while this endpoint was disabled")
      .waitFor();
    await widget.getByRole("button", { name: "Send 2 parked messages" }).click();
    await widget.getByText("Recovering 2 deliveries: 2 sent again so far").waitFor({ timeout: 20_000 });
    expect(receiver.requests).toHaveLength(2);
    await widget.reload();
    expect(await widget.getByTestId("parked-offer").count()).toBe(0);
    expect(pageErrors(widget)).toEqual([]);
    await widget.context().close();
    await receiver.close();
  });

  it("says at once, after an endpoint is created, when its URL cannot work", {
    timeout: 120_000,
  }, async () => {
    const application = await svix.application.create({ name: "URL check" });
    const closed = await startReceiver();
    await closed.close();
    const page = await signInAsDemo(browser, app);
    await page.goto(`${app.url}/applications/${application.id}`);
    await page.getByLabel("Endpoint URL").fill(closed.url);
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await page.waitForURL(/\/endpoints\/ep_\w+\?created=1/);
    await expect(page.getByTestId("url-check").textContent({ timeout: 15_000 })).resolves.toMatch(
      /Your server refused the connection/,
    );
    // Only right after creating: the page opened later does not check again.
    await page.goto(page.url().replace("?created=1", ""));
    await page.getByTestId("endpoint-status").waitFor();
    expect(await page.getByTestId("url-check").count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
  });
});
