import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppProcess, startApp } from "../support/app-process";
import { launchBrowser, SCREENSHOTS } from "../support/browser";
import { freshDatabase } from "../support/database";
import { pageErrors, signInAsDemo, watchErrors } from "../support/portal-session";

let app: AppProcess;
let browser: Browser;

beforeAll(async () => {
  app = await startApp(await freshDatabase());
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

    // Team settings: Svix's header names on, payloads kept 14 days (bad values: svix-headers.test.ts).
    await page.getByRole("link", { name: "Settings" }).click();
    await page.waitForURL(/\/settings/);
    await page.getByLabel("Keep payloads for (days)").fill("14");
    await page.getByLabel(/Also send svix-id/).check();
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Saved.").waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, "team-settings.png"), fullPage: true });
    await page.reload();
    expect(await page.getByLabel("Keep payloads for (days)").inputValue()).toBe("14");
    expect(await page.getByLabel(/Also send svix-id/).isChecked()).toBe(true);

    // Operational webhooks, from the settings page: add one for endpoint.disabled, see its secret, delete it.
    await page.getByRole("link", { name: "operational webhooks" }).click();
    await page.waitForURL(/\/operational-webhooks/);
    await page.getByText("None yet").waitFor();
    await page.getByLabel("Endpoint URL").fill("https://ops.example.com/hookline");
    await page.getByLabel("endpoint.disabled").check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await page.getByText("Saved.").waitFor();
    const ops = page.getByTestId("operational-endpoints");
    await expect(ops.textContent()).resolves.toContain("https://ops.example.com/hooklineendpoint.disabled");
    await ops.getByRole("button", { name: "Reveal" }).click();
    await expect(ops.getByText(/^whsec_/).count()).resolves.toBe(1);
    await ops.getByRole("button", { name: "Delete" }).click();
    await ops.getByRole("button", { name: "Yes, delete" }).click();
    await page.getByText("None yet").waitFor();
    await page.close();
  });

  it("documents every operation with Svix's ids and its request and response schemas", async () => {
    const page = watchErrors(await browser.newPage());
    await page.goto(`${app.url}/docs/api`);
    const send = page.getByRole("listitem").filter({ hasText: "v1.message.create" });
    await send.getByText("Request body").click();
    await expect(send.locator("pre").first().textContent()).resolves.toContain('"eventType"');
    await send.getByText("Response 202").click();
    await expect(send.locator("pre").nth(1).textContent()).resolves.toContain('"timestamp"');
    await expect(page.getByRole("heading", { name: "Background Task" }).count()).resolves.toBe(1);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it("shows a signed-out visitor the sign-in page for every portal route", async () => {
    const page = await browser.newPage();
    for (const route of ["/dashboard", "/api-keys", "/settings"]) {
      await page.goto(app.url + route);
      expect(new URL(page.url()).pathname).toBe("/signin");
    }
    await page.close();
  });

  it("answers another tenant's application with a 404 page", async () => {
    const { db } = await import("@/lib/db");
    const { createApplication } = await import("@/lib/applications/create-application");
    const { createTestTenant } = await import("../support/fixtures");
    const other = await createTestTenant("other");
    const { app: foreign } = await createApplication(other.tenantId, { name: "Not yours" });
    const page = await signInAsDemo(browser, app);
    const response = await page.goto(`${app.url}/applications/${foreign.id}`);
    expect(response?.status()).toBe(404);
    expect(await page.getByText("Not yours").count()).toBe(0);
    await db.application.delete({ where: { id: foreign.id } });
    await page.context().close();
  });
});
