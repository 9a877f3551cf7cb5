import type { Browser, Page } from "playwright-core";
import { Webhook } from "standardwebhooks";
import { AppPortalCapability, Svix } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppProcess } from "../support/app-process";
import { startDeliveringApp } from "../support/delivering-app";
import { pageErrors, signInAsDemo, watchErrors } from "../support/portal-session";
import { startReceiver } from "../support/receiver";

let app: AppProcess;
let browser: Browser;
let svix: Svix;

beforeAll(async () => {
  ({ app, browser } = await startDeliveringApp());
  svix = new Svix(/Demo API key:\s+(\S+)/.exec(app.output())![1]!, { serverUrl: app.url });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const WRAP = `function handler(webhook, variables) {
  webhook.payload = { wrapped: webhook.payload, env: variables.ENV };
  webhook.headers["x-env"] = variables.ENV;
  return webhook;
}`;

/** Writes code in the editor, runs it on the example and returns what the result says. */
async function tryCode(page: Page, code: string): Promise<string> {
  await page.getByLabel("Code (JavaScript)").fill(code);
  await page.getByRole("button", { name: "Test with the example" }).click();
  await page.getByRole("button", { name: "Test with the example" }).waitFor();
  await page.getByTestId("transformation-result").waitFor();
  return (await page.getByTestId("transformation-result").textContent()) ?? "";
}

describe("the transformation editor in a real browser", () => {
  it("tests code on an example payload (output, errors, limits), saves it, and deliveries carry its output", {
    timeout: 180_000,
  }, async () => {
    const receiver = await startReceiver();
    const customer = await svix.application.create({ name: "Transformed" });
    const ep = await svix.endpoint.create(customer.id, { url: receiver.url, eventTypes: ["invoice.paid"] });
    const page = await signInAsDemo(browser, app);
    await page.goto(`${app.url}/applications/${customer.id}/endpoints/${ep.id}?tab=transformation`);
    // A new editor starts from a template that returns the webhook unchanged.
    await expect(page.getByLabel("Code (JavaScript)").inputValue()).resolves.toContain(
      "function handler(webhook",
    );
    await page.getByLabel("Variables").fill("ENV=prod");

    const output = await tryCode(page, WRAP);
    expect(output).toContain(`Would send POST ${receiver.url}`);
    expect(output).toContain('"wrapped"');
    expect(output).toContain('"env": "prod"');
    expect(output).toContain("x-env: prod");
    expect(await tryCode(page, 'function handler(webhook) { throw new Error("nope"); }')).toContain(
      "the transformation threw Error: nope",
    );
    expect(await tryCode(page, "function handler(webhook) { while (true) {} }")).toContain(
      "ran over its 100 ms",
    );
    expect(
      await tryCode(page, "function handler(webhook) { webhook.cancel = true; return webhook; }"),
    ).toContain("Cancelled");
    await page.getByLabel("Example payload (JSON)").fill("{not json");
    expect(await tryCode(page, WRAP)).toContain("not valid JSON");
    await page.getByLabel("Variables").fill("no equals sign");
    await page.getByText("Line 1: write variables as NAME=value").waitFor();
    expect(await page.getByRole("button", { name: "Save transformation" }).isDisabled()).toBe(true);
    await page.getByLabel("Variables").fill("ENV=prod");

    // Saved and on: the next delivery is transformed before signing.
    await page.getByLabel("Code (JavaScript)").fill(WRAP);
    await page.getByLabel("Run it on every delivery to this endpoint").check();
    await page.getByRole("button", { name: "Save transformation" }).click();
    await page.getByText("Saved. It runs on the next delivery.").waitFor();
    expect(await svix.endpoint.transformation.get(customer.id, ep.id)).toMatchObject({
      enabled: true,
      code: WRAP,
      variables: { ENV: "prod" },
    });
    await svix.message.create(customer.id, { eventType: "invoice.paid", payload: { amount: 5 } });
    await receiver.waitFor(1);
    const [req] = receiver.requests;
    expect(req!.headers["x-env"]).toBe("prod");
    const { key } = await svix.endpoint.getSecret(customer.id, ep.id);
    expect(
      new Webhook(key).verify(req!.body, {
        "webhook-id": String(req!.headers["webhook-id"]),
        "webhook-timestamp": String(req!.headers["webhook-timestamp"]),
        "webhook-signature": String(req!.headers["webhook-signature"]),
      }),
    ).toEqual({ wrapped: { amount: 5 }, env: "prod" });
    // Reloaded, the editor shows what was saved.
    await page.reload();
    await expect(page.getByLabel("Code (JavaScript)").inputValue()).resolves.toBe(WRAP);
    expect(await page.getByLabel("Run it on every delivery to this endpoint").isChecked()).toBe(true);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
    await receiver.close();
  });

  it("appears in the widget only for a token granted ManageTransformations", {
    timeout: 120_000,
  }, async () => {
    const customer = await svix.application.create({ name: "Widget transforms" });
    const ep = await svix.endpoint.create(customer.id, { url: "http://127.0.0.1:9/hooks" });
    const plain = await svix.authentication.appPortalAccess(customer.id, {});
    const granted = await svix.authentication.appPortalAccess(customer.id, {
      capabilities: [
        AppPortalCapability.ViewBase,
        AppPortalCapability.ManageEndpoint,
        AppPortalCapability.ManageTransformations,
        AppPortalCapability.ManageEndpointSecret,
      ],
    });
    const page = watchErrors(await (await browser.newContext()).newPage());
    page.setDefaultTimeout(20_000);
    const endpointPage = (url: string) => `${url.replace(/\/?(#.*)?$/, "")}/endpoints/${ep.id}`;
    await page.goto(endpointPage(plain.url));
    await page.getByRole("navigation", { name: "Endpoint sections" }).waitFor();
    expect(await page.getByRole("link", { name: "Transformation" }).count()).toBe(0);

    await page.goto(`${endpointPage(granted.url)}?tab=transformation`);
    await page.getByLabel("Code (JavaScript)").waitFor();
    expect(await tryCode(page, WRAP)).toContain("http://127.0.0.1:9/hooks");
    await page.getByRole("button", { name: "Save transformation" }).click();
    await page.getByText("Saved (off).").waitFor();
    expect((await svix.endpoint.transformation.get(customer.id, ep.id)).code).toBe(WRAP);

    // The Signing tab there: switching to Ed25519 shows the public key and Ed25519 snippets.
    await page.goto(`${endpointPage(granted.url)}?tab=signing`);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Switch to Ed25519" }).click();
    await expect.poll(() => page.getByTestId("endpoint-secret").textContent()).toMatch(/^whpk_/);
    await page.getByRole("button", { name: "Fill in my public key" }).waitFor();
    expect((await svix.endpoint.getSecret(customer.id, ep.id)).key).toMatch(/^whpk_/);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
