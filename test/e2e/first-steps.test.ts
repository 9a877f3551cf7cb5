import path from "node:path";
import type { Browser } from "playwright-core";
import { Svix } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppProcess, startApp } from "../support/app-process";
import { launchBrowser, SCREENSHOTS } from "../support/browser";
import { freshDatabase } from "../support/database";
import { pageErrors, signUpInBrowser } from "../support/portal-session";
import { startReceiver } from "../support/receiver";

// Issue #14 item 7: a new tenant's dashboard teaches the first minute, then gets out of the way.
let app: AppProcess;
let browser: Browser;

beforeAll(async () => {
  app = await startApp(await freshDatabase(), {
    DELIVERY_ALLOW_CIDRS: "127.0.0.0/8",
    DELIVERY_REQUIRE_HTTPS: "false",
  });
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("the first minute", () => {
  it("walks a new tenant from nothing to a delivered message, with a key and a curl that work", {
    timeout: 120_000,
  }, async () => {
    const page = await signUpInBrowser(browser, app, "newcomer");
    const steps = page.getByTestId("first-steps");
    // Sign-up lands on the dashboard by client-side navigation: wait for its content, not the URL.
    await steps.waitFor();
    await expect(steps.getByRole("img", { name: "to do" }).count()).resolves.toBe(4);
    await page.screenshot({ path: path.join(SCREENSHOTS, "first-steps.png"), fullPage: true });

    await page.getByLabel("Key name").fill("First key");
    await page.getByRole("button", { name: "Create key" }).click();
    const key = (await page.getByTestId("new-api-key").textContent())!;
    expect(key).toMatch(/^hk_live_/);

    const svix = new Svix(key, { serverUrl: app.url });
    const receiver = await startReceiver();
    const application = await svix.application.create({ name: "Acme", uid: "acme" });
    await svix.endpoint.create(application.id, { url: receiver.url });
    await expect
      .poll(
        async () => {
          await page.reload();
          await steps.waitFor();
          return steps.getByRole("img", { name: "done" }).count();
        },
        { timeout: 20_000 },
      )
      .toBe(2);
    const curl = (await page.getByTestId("first-curl").textContent())!;
    expect(curl).toContain(`${app.url}/api/v1/app/acme/msg`);

    // What the printed curl sends, sent.
    const eventType = /"eventType": "([\w.-]+)"/.exec(curl)![1]!;
    const res = await fetch(`${app.url}/api/v1/app/acme/msg`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ eventType, payload: { hello: "world" } }),
    });
    expect(res.status).toBe(202);
    await receiver.waitFor(1);
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.getByTestId("first-steps").count();
        },
        { timeout: 20_000 },
      )
      .toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await receiver.close();
  });
});
