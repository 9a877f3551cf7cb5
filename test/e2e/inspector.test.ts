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
  // As on the embedded default: the demo application delivers to a demo inspector.
  ({ app, browser } = await startDeliveringApp({ DEMO_INSPECTOR: "true" }));
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** The banner's curl, as the shell would run it: URL, headers and body. */
function printedCurl(output: string) {
  const command = /curl -X POST (\S+) \\\s+-H "([^"]+)" -H "([^"]+)" \\\s+-d '([^']+)'/.exec(output);
  expect(command, output).not.toBeNull();
  const [, url, auth, type, body] = command!;
  const header = (h: string) => h.split(": ") as [string, string];
  return { url: url!, headers: Object.fromEntries([header(auth!), header(type!)]), body: body! };
}

describe("the request inspector in a real browser", () => {
  it("shows the printed curl's message arriving live, signed and verified; a tampered copy fails; replay and curl", {
    timeout: 180_000,
  }, async () => {
    const watch = /Watch it arrive: (\S+)/.exec(app.output())?.[1];
    expect(watch).toMatch(/\/inspector\/insp_/);
    const page = await signInAsDemo(browser, app);
    await page.goto(watch!);
    await page.getByText("Nothing received yet").waitFor();
    await page.getByText("Live: new requests appear here").waitFor();

    // The message from the banner's curl: delivered to the demo inspector, shown without a reload.
    const curl = printedCurl(app.output());
    const sent = await fetch(curl.url, { method: "POST", headers: curl.headers, body: curl.body });
    expect(sent.status).toBe(202);
    const details = page.getByTestId("request-details");
    await details.getByText(/"invoiceId": "inv_1001"/).waitFor();
    await expect.poll(() => page.getByTestId("signature-verdict").textContent()).toBe("✓ Valid signature");
    await page.screenshot({ path: path.join(SCREENSHOTS, "inspector.png"), fullPage: true });

    // The same headers with another body: shown too, and the signature check says no.
    const inspectorUrl = (await page.getByTestId("inspector-url").textContent())!;
    const delivered = await db.inspectorRequest.findFirstOrThrow({ orderBy: { id: "desc" } });
    const headers = delivered.headers as Record<string, string>;
    await fetch(inspectorUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "webhook-id": headers["webhook-id"]!,
        "webhook-timestamp": headers["webhook-timestamp"]!,
        "webhook-signature": headers["webhook-signature"]!,
      },
      body: '{"invoiceId":"inv_1001","amount":1,"currency":"EUR"}',
    });
    await expect.poll(() => page.getByTestId("requests").getByRole("button").count()).toBe(2);
    await details.getByText('"amount": 1,').waitFor();
    await expect
      .poll(() => page.getByTestId("signature-verdict").textContent())
      .toBe("✗ Not valid for this endpoint's keys");

    // Replay the genuine one to a receiver of ours; its signature still verifies there.
    await page.getByTestId("requests").getByRole("button").nth(1).click();
    const receiver = await startReceiver();
    await page.getByLabel("Replay to URL").fill(receiver.url);
    await page.getByRole("button", { name: "Replay" }).click();
    await expect.poll(() => page.getByTestId("replay-result").textContent()).toMatch(/^HTTP 200 in \d+ ms$/);
    await receiver.waitFor(1);
    expect(receiver.requests[0]!.headers["webhook-signature"]).toBe(headers["webhook-signature"]);
    expect(JSON.parse(receiver.requests[0]!.body)).toMatchObject({ invoiceId: "inv_1001", amount: 4200 });
    await page.getByRole("button", { name: "Copy as curl" }).waitFor();
    // Recorded as sent: no x-forwarded-* added on the way, the client address ours, not claimed.
    await fetch(inspectorUrl, {
      method: "PUT",
      headers: { "x-hookline-client-address": "6.6.6.6" },
      body: "x",
    });
    const spoofed = await db.inspectorRequest.findFirstOrThrow({ where: { method: "PUT" } });
    expect(spoofed.clientAddress).toBe("127.0.0.1");
    expect(Object.keys(spoofed.headers as object).filter((h) => h.startsWith("x-"))).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
    await receiver.close();
  });

  it("creates inspectors from the Inspector page and from the endpoint form", {
    timeout: 120_000,
  }, async () => {
    const page = await signInAsDemo(browser, app);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Inspector" }).click();
    await page.getByTestId("inspectors").getByText("Demo inspector").waitFor();
    await page.getByLabel("Name (optional)").fill("Retries");
    await page.getByLabel("Answer with").selectOption("503");
    await page.getByRole("button", { name: "Create inspector" }).click();
    await page.getByRole("heading", { name: "Retries" }).waitFor();
    await page.getByText("Answers 503").waitFor();
    const url = (await page.getByTestId("inspector-url").textContent())!;
    expect((await fetch(url, { method: "POST", body: "{}" })).status).toBe(503);
    await page.getByRole("button", { name: /^POST/ }).waitFor();

    // "Use a new inspector URL" while adding an endpoint.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Applications" }).click();
    await page.getByRole("link", { name: "Demo customer" }).click();
    await page.getByRole("button", { name: "Use a new inspector URL" }).click();
    await page.getByText("Filled in: what this endpoint receives will show under Inspector.").waitFor();
    expect(await page.getByLabel("Endpoint URL").inputValue()).toMatch(/\/in\/[\w-]{22}$/);
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await page.getByRole("heading", { name: /\/in\// }).waitFor();
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
