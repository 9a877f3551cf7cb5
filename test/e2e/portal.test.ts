import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppProcess, startApp } from "../support/app-process";
import { launchBrowser, SCREENSHOTS } from "../support/browser";
import { freshDatabase } from "../support/database";
import { startReceiver } from "../support/receiver";

let app: AppProcess;
let browser: Browser;

beforeAll(async () => {
  const databaseUrl = await freshDatabase();
  // Deliveries to the loopback test receiver must be allowed, as on the embedded default.
  app = await startApp(databaseUrl, {
    DELIVERY_ALLOW_CIDRS: "127.0.0.0/8",
    DELIVERY_REQUIRE_HTTPS: "false",
    // Two quick attempts, so a failing delivery reaches the dead-letter queue within the test.
    DELIVERY_RETRY_SCHEDULE: "0,200ms",
    DELIVERY_RETRY_JITTER: "0",
  });
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("the portal in a real browser", () => {
  it("prints a demo login and key on start that both work", async () => {
    const login = /Demo login:\s+(\S+) \/ (\S+)/.exec(app.output());
    const key = /Demo API key:\s+(\S+)/.exec(app.output());
    expect(login).not.toBeNull();
    const res = await fetch(`${app.url}/api/v1/app`, { headers: { authorization: `Bearer ${key![1]}` } });
    expect(res.status).toBe(200);
    expect((await res.json()).data[0]).toMatchObject({ uid: "demo-customer" });

    const page = await browser.newPage();
    await page.goto(`${app.url}/dashboard`);
    await page.waitForURL(/\/signin/);
    await page.getByLabel("Email").fill(login![1]!);
    await page.getByLabel("Password").fill(login![2]!);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/dashboard/);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Demo SaaS");
    await page.close();
  });

  it("rejects a wrong password with a message, not a crash", async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/signin`);
    await page.getByLabel("Email").fill("demo@hookline.local");
    await page.getByLabel("Password").fill("wrong password!");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").filter({ hasText: "do not match an account" }).waitFor();
    expect(page.url()).toContain("/signin");
    await page.close();
  });

  it("signs up, creates an API key shown once, uses it, and revokes it", async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/signup`);
    await page.getByLabel("Your name").fill("Ada");
    await page.getByLabel("Company or team").fill("Analytical Engines");
    await page.getByLabel("Email").fill(`ada-${Date.now()}@example.test`);
    await page.getByLabel("Password").fill("a long enough password");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/dashboard/);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Analytical Engines");
    await page.screenshot({ path: path.join(SCREENSHOTS, "dashboard-shell.png"), fullPage: true });

    await page.getByRole("link", { name: "API keys" }).click();
    await page.waitForURL(/\/api-keys/);
    await page.getByLabel("Key name").fill("CI key");
    await page.getByRole("button", { name: "Create key" }).click();
    const key = await page.getByTestId("new-api-key").textContent();
    expect(key).toMatch(/^hk_live_/);
    await page.screenshot({ path: path.join(SCREENSHOTS, "api-keys.png"), fullPage: true });

    const ok = await fetch(`${app.url}/api/v1/app`, { headers: { authorization: `Bearer ${key}` } });
    expect(ok.status).toBe(200);
    expect((await ok.json()).data).toEqual([]);

    await page.reload();
    expect(await page.getByTestId("new-api-key").count()).toBe(0);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Revoke CI key" }).click();
    await page.getByText("Revoked").waitFor();
    const revoked = await fetch(`${app.url}/api/v1/app`, { headers: { authorization: `Bearer ${key}` } });
    expect(revoked.status).toBe(401);
    await page.close();
  });

  it("shows a signed-out visitor the sign-in page for every portal route", async () => {
    const page = await browser.newPage();
    for (const route of ["/dashboard", "/api-keys"]) {
      await page.goto(app.url + route);
      expect(new URL(page.url()).pathname).toBe("/signin");
    }
    await page.close();
  });

  it("creates an application and an endpoint, sends a test event and sees it delivered, and rotates the secret", {
    timeout: 120_000,
  }, async () => {
    const receiver = await startReceiver();
    const page = await browser.newPage();
    page.setDefaultTimeout(15_000);
    const email = `grace-${Date.now()}@example.test`;
    await page.goto(`${app.url}/signup`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("another long password");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(/\/dashboard/);
    await page.getByRole("link", { name: "Event types" }).click();
    await page.getByText("The catalogue is empty").waitFor();
    await page.getByLabel("Event type name").fill("invoice.paid");
    await page.getByLabel("Description", { exact: true }).first().fill("An invoice was paid");
    await page
      .getByLabel("JSON schema (optional)")
      .first()
      .fill('{"type":"object","required":["amount"],"properties":{"amount":{"type":"integer"}}}');
    await page.getByLabel("Example payload (optional)").first().fill('{"invoiceId":"inv_9","amount":"lots"}');
    await page.getByRole("button", { name: "Add event type" }).click();
    await page.getByText("Does not match the schema").waitFor();
    // What was typed survives the error; only the example needs fixing.
    await expect(page.getByLabel("Event type name").inputValue()).resolves.toBe("invoice.paid");
    await page.getByLabel("Example payload (optional)").first().fill('{"invoiceId":"inv_9","amount":990}');
    await page.getByRole("button", { name: "Add event type" }).click();
    await page
      .getByRole("heading", { name: "invoice.paid" })
      .waitFor()
      .catch(async (e) => {
        await page.screenshot({ path: "/tmp/et.png", fullPage: true });
        throw e;
      });

    await page.getByRole("link", { name: "Applications" }).click();
    await page.getByText("No applications yet").waitFor();
    await page.getByLabel("Name", { exact: true }).fill("Globex");
    await page.getByLabel("UID (optional)").fill("globex");
    await page.getByRole("button", { name: "Create application" }).click();
    await page.getByRole("heading", { name: "Globex" }).waitFor();

    await page.getByLabel("Endpoint URL").fill(receiver.url);
    await page.getByLabel("invoice.paid").check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await page.getByRole("heading", { name: receiver.url }).waitFor();

    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(page.getByTestId("test-event-result").textContent({ timeout: 30_000 })).resolves.toMatch(
      /Delivered: HTTP 200/,
    );
    expect(JSON.parse(receiver.requests[0]!.body)).toEqual({ invoiceId: "inv_9", amount: 990 });
    await page.reload();
    await page.getByRole("cell", { name: "200" }).first().waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, "endpoint.png"), fullPage: true });

    await page.getByRole("button", { name: "Reveal" }).click();
    const before = await page.getByTestId("endpoint-secret").textContent();
    expect(before).toMatch(/^whsec_/);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Rotate" }).click();
    await page.getByText("The previous secret keeps signing until").waitFor();
    await expect(page.getByTestId("endpoint-secret").textContent()).resolves.not.toBe(before);
    await page.close();
    await receiver.close();
  });

  it("answers another tenant's application with a 404 page", async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/signin`);
    await page.getByLabel("Email").fill("demo@hookline.local");
    await page.getByLabel("Password").fill(/Demo login:\s+\S+ \/ (\S+)/.exec(app.output())![1]!);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/dashboard/);
    const { db } = await import("@/lib/db");
    const foreign = await db.application.findFirstOrThrow({
      where: { name: "Globex" },
      select: { id: true },
    });
    const response = await page.goto(`${app.url}/applications/${foreign.id}`);
    expect(response?.status()).toBe(404);
    await page.close();
  });

  it("puts a failing endpoint's delivery in the dead-letter queue, and a resend succeeds once the receiver is fixed", {
    timeout: 120_000,
  }, async () => {
    const receiver = await startReceiver(() => ({ status: 500 }));
    const page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${app.url}/signin`);
    await page.getByLabel("Email").fill("demo@hookline.local");
    await page.getByLabel("Password").fill(/Demo login:\s+\S+ \/ (\S+)/.exec(app.output())![1]!);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/dashboard/);
    await page.getByRole("link", { name: "Applications" }).click();
    await page.getByRole("link", { name: "Demo customer" }).click();
    await page.getByLabel("Endpoint URL").fill(receiver.url);
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await page.getByRole("heading", { name: receiver.url }).waitFor();
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(page.getByTestId("test-event-result").textContent()).resolves.toMatch(/Failed: HTTP 500/);
    await receiver.waitFor(2);

    await page.getByRole("link", { name: "Dead letters" }).click();
    const row = page.getByRole("row").filter({ hasText: receiver.url });
    for (let i = 0; i < 20 && (await row.count()) === 0; i++) {
      await page.waitForTimeout(500);
      await page.reload();
    }
    await row.first().waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, "dead-letter.png"), fullPage: true });
    await page.getByRole("link", { name: "Dashboard" }).click();
    await page.getByText("No endpoint is failing").or(page.getByText("Failing right now")).first().waitFor();
    await expect(page.getByRole("link", { name: receiver.url }).first().isVisible()).resolves.toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, "dashboard.png"), fullPage: true });
    await page.goBack();

    receiver.setResponder(() => ({ status: 200 }));
    await row.first().getByRole("checkbox").check();
    await page.getByRole("button", { name: "Resend selected" }).click();
    await receiver.waitFor(3);
    for (let i = 0; i < 20 && (await row.count()) > 0; i++) {
      await page.waitForTimeout(500);
      await page.reload();
    }
    expect(await row.count()).toBe(0);
    await page.close();
    await receiver.close();
  });
});
