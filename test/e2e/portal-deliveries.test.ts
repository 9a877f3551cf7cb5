import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { openHeaders } from "@/lib/endpoints/header-box";
import type { AppProcess } from "../support/app-process";
import { SCREENSHOTS } from "../support/browser";
import { startDeliveringApp } from "../support/delivering-app";
import { pageErrors, signUpInBrowser } from "../support/portal-session";
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

describe("delivering through the portal in a real browser", () => {
  it("creates an application and an endpoint, sends a test event, sees it delivered and charted, edits, inspects and resends it", {
    timeout: 180_000,
  }, async () => {
    const receiver = await startReceiver();
    const page = await signUpInBrowser(browser, app, "grace");
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
    await page.getByTestId("event-types").getByText("invoice.paid").waitFor();
    // One editor at a time, opened from the list: group and deprecation are set there.
    await page.getByRole("link", { name: "Edit invoice.paid" }).click();
    await page.getByRole("heading", { name: "Edit invoice.paid" }).waitFor();
    await expect(page.getByLabel("Example payload (optional)").last().inputValue()).resolves.toContain(
      '"amount": 990',
    );
    await page.getByLabel("Group (optional)").last().fill("Billing");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Saved.").last().waitFor();
    await expect(page.getByTestId("event-types").getByRole("row").nth(1).textContent()).resolves.toContain(
      "Billing",
    );

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Applications" }).click();
    await page.getByText("No applications yet").waitFor();
    await page.getByLabel("Name", { exact: true }).fill("Globex");
    await page.getByLabel("UID (optional)").fill("globex");
    await page.getByRole("button", { name: "Create application" }).click();
    await page.getByRole("heading", { name: "Globex" }).waitFor();

    // Application settings: metadata and a default rate limit; a bad value is refused, input kept.
    await page.getByLabel("Metadata").fill("plan=pro\nregion=eu");
    await page.getByLabel("UID", { exact: true }).fill("not a uid!");
    await page.getByRole("button", { name: "Save application" }).click();
    await page.getByText("may contain only letters, digits").waitFor();
    await expect(page.getByLabel("Metadata").inputValue()).resolves.toBe("plan=pro\nregion=eu");
    await page.getByLabel("UID", { exact: true }).fill("globex");
    await page.getByLabel("Default rate limit (messages per second per endpoint)").fill("5");
    await page.getByRole("button", { name: "Save application" }).click();
    await page.getByText("Saved.").waitFor();
    const globex = await db.application.findFirstOrThrow({ where: { uid: "globex" } });
    expect(globex).toMatchObject({ metadata: { plan: "pro", region: "eu" }, throttleRate: 5 });

    // The event-type picker shows descriptions and example payloads from the catalogue.
    await page.getByText("An invoice was paid").first().waitFor();
    await page.getByLabel("Endpoint URL").fill(receiver.url);
    await page.getByLabel("invoice.paid").check();
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await page.getByRole("heading", { name: receiver.url }).waitFor();
    // Nothing sent yet: one empty state, not four empty charts.
    await page.getByText("No deliveries in this range yet.").waitFor();
    const sections = page.getByRole("navigation", { name: "Endpoint sections" });
    await expect(sections.getByRole("link").allTextContents()).resolves.toEqual([
      "Overview",
      "Testing",
      "Settings",
      "Signing",
      "Transformation",
      "Attempts",
    ]);

    // Testing: the picker starts on a subscribed type with its example, which can be edited.
    await sections.getByRole("link", { name: "Testing" }).click();
    await page.waitForURL(/tab=testing/);
    await expect(page.getByLabel("Payload (JSON)").inputValue()).resolves.toContain('"invoiceId": "inv_9"');
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(page.getByTestId("test-event-result").textContent({ timeout: 30_000 })).resolves.toMatch(
      /Delivered: HTTP 200/,
    );
    expect(JSON.parse(receiver.requests[0]!.body)).toEqual({ invoiceId: "inv_9", amount: 990 });
    // The latest attempts on the tab refresh by themselves.
    await page.getByTestId("endpoint-attempts").getByText("Delivered: HTTP 200").waitFor();
    await page.getByLabel("Payload (JSON)").fill("{not json");
    await page.getByRole("button", { name: "Send test event" }).click();
    await page.getByText("The payload is not valid JSON").waitFor();
    await page.getByLabel("Payload (JSON)").fill('{"invoiceId": "inv_edited", "amount": 1}');
    await page.getByRole("button", { name: "Send test event" }).click();
    await receiver.waitFor(2);
    expect(JSON.parse(receiver.requests[1]!.body)).toEqual({ invoiceId: "inv_edited", amount: 1 });
    const created = await db.endpoint.findFirstOrThrow({ where: { url: receiver.url } });
    await expect.poll(() => db.messageAttempt.count({ where: { endpointId: created.id } })).toBe(2);

    // Overview: headline numbers and the chart (aggregated in SQL), drawn.
    await sections.getByRole("link", { name: "Overview" }).click();
    await expect(page.getByTestId("endpoint-charts").getAttribute("data-attempts")).resolves.toBe("2");
    await expect(page.getByTestId("endpoint-headline").textContent()).resolves.toMatch(
      /Success rate100%Attempts2Failed0p95 latency\d+ ms/,
    );
    await page.locator(".recharts-bar-rectangle").first().waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, "endpoint.png"), fullPage: true });
    await page.getByRole("link", { name: "7d", exact: true }).click();
    await page.waitForURL(/range=7d/);
    await expect(page.getByTestId("endpoint-charts").getAttribute("data-attempts")).resolves.toBe("2");
    // A click on a status code's bar lists those attempts.
    await page.getByTestId("endpoint-charts").locator(".recharts-bar-rectangle path").last().click();
    await page.waitForURL(/tab=attempts.*code=200/);
    await expect(page.getByTestId("attempt-filter").textContent()).resolves.toMatch(
      /Showing with HTTP 200 attempts/,
    );
    await expect(page.getByTestId("endpoint-attempts").getByRole("row").count()).resolves.toBe(3);

    // Edit: a malformed header line is refused with what was typed kept; a good one is saved.
    await sections.getByRole("link", { name: "Settings" }).click();
    await page.getByText("Channels, headers, timeout, rate limit").click();
    await page.getByLabel("Custom headers").fill("no colon here");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText('Line 1: write "Name: value"').waitFor();
    await expect(page.getByLabel("Custom headers").inputValue()).resolves.toBe("no colon here");
    await page.getByLabel("Custom headers").fill("Authorization: Bearer s3cret-token\nX-Team: blue");
    await page.getByLabel("Timeout (seconds)").fill("5");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Saved.").waitFor();
    const endpoint = await db.endpoint.findFirstOrThrow({ where: { url: receiver.url } });
    expect(openHeaders(endpoint.headers)).toEqual({ Authorization: "Bearer s3cret-token", "X-Team": "blue" });
    expect(endpoint.timeoutMs).toBe(5000);
    // The secret header's value is not sent back to the browser.
    await page.reload();
    expect(await page.content()).not.toContain("s3cret-token");

    await sections.getByRole("link", { name: "Testing" }).click();
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(page.getByTestId("test-event-result").textContent({ timeout: 30_000 })).resolves.toMatch(
      /Delivered/,
    );
    expect(receiver.requests[2]!.headers.authorization).toBe("Bearer s3cret-token");

    // The message detail: pretty payload, every attempt with redacted request headers; resend.
    await page.reload();
    await page.getByTestId("endpoint-attempts").getByRole("row").nth(1).getByRole("link").click();
    await page.waitForURL(/\/messages\/msg_/);
    const msgId = new URL(page.url()).pathname.split("/").at(-1)!;
    await expect(page.getByTestId("message-payload").textContent()).resolves.toContain(
      '"invoiceId": "inv_9"',
    );
    await page.locator("summary").filter({ hasText: "Succeeded" }).first().click();
    const headers = await page.getByTestId("request-headers").first().textContent();
    expect(headers).toContain("Authorization: [redacted]");
    expect(headers).toContain("X-Team: blue");
    expect(headers).toMatch(/webhook-signature: v1,/);
    expect(await page.content()).not.toContain("s3cret-token");
    await page.screenshot({ path: path.join(SCREENSHOTS, "message-detail.png"), fullPage: true });
    await page.getByRole("button", { name: `Resend to ${receiver.url}` }).click();
    await page.getByText("Resent: a new attempt is on its way.").waitFor();
    await receiver.waitFor(4);

    // The log names each delivery's endpoint beside its state, and explains the states.
    await page.getByRole("link", { name: "Messages", exact: true }).click();
    const receiverPath = new URL(receiver.url).host + new URL(receiver.url).pathname;
    await expect(page.getByRole("row").nth(1).textContent()).resolves.toContain(`succeeded${receiverPath}`);
    await page.getByText("What the delivery states mean").click();
    await expect(page.getByTestId("status-legend").textContent()).resolves.toContain(
      "waiting for its first try",
    );
    // Choosing an application reloads the endpoint list with its endpoints.
    await page.getByLabel("Application").selectOption({ label: "Globex" });
    await page.waitForURL(/app=app_/);
    await expect(
      page.getByLabel("Endpoint", { exact: true }).locator("option").allTextContents(),
    ).resolves.toEqual(["All endpoints", receiver.url]);
    // The log filters by event type and status.
    await page.getByLabel("Event type").selectOption("invoice.paid");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/eventType=invoice.paid/);
    await expect.poll(() => page.getByRole("link", { name: /^msg_/ }).count()).toBe(3);
    await page.getByLabel("Delivery status").selectOption("failed");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.getByText("No messages match these filters.").waitFor();

    // Receiver code with the secret filled in on demand; then rotate the secret.
    await page.goto(
      `${app.url}/applications/${endpoint.applicationId}/endpoints/${endpoint.id}?tab=attempts`,
    );
    await page.getByRole("link", { name: "All messages" }).click();
    await page.waitForURL(/endpoint=ep_/);
    await page.getByRole("heading", { name: "Messages" }).waitFor();
    await expect.poll(() => page.getByRole("link", { name: /^msg_/ }).count()).toBe(3);
    // The first characters of an id are enough.
    await page.getByLabel("Message or event id").fill(msgId.slice(0, 12));
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/id=msg_/);
    await expect.poll(() => page.getByRole("link", { name: /^msg_/ }).count()).toBe(1);
    await page.goto(`${app.url}/applications/${endpoint.applicationId}/endpoints/${endpoint.id}?tab=signing`);
    await page.getByRole("tab", { name: "Python" }).click();
    await page.getByRole("button", { name: "Fill in my secret" }).click();
    await page
      .getByRole("tabpanel")
      .getByText(/Webhook\("whsec_/)
      .waitFor();
    await page.getByRole("button", { name: "Reveal" }).click();
    const before = await page.getByTestId("endpoint-secret").textContent();
    expect(before).toMatch(/^whsec_/);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Rotate" }).click();
    await page.getByText("The previous key keeps signing until").waitFor();
    // The status line and the newly revealed secret arrive in separate renders.
    await expect.poll(() => page.getByTestId("endpoint-secret").textContent()).not.toBe(before);
    // Switching to Ed25519: the page shows the public key, and the receiver code verifies v1a.
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Switch to Ed25519" }).click();
    await expect.poll(() => page.getByTestId("endpoint-secret").textContent()).toMatch(/^whpk_/);
    await page.getByText("Ed25519 public key (v1a signatures)").waitFor();
    await page.getByRole("tab", { name: "Python" }).click();
    await page.getByRole("button", { name: "Fill in my public key" }).click();
    await page
      .getByRole("tabpanel")
      .getByText(/from_public_bytes\(base64.b64decode\("whpk_/)
      .waitFor();
    expect(await page.getByRole("tabpanel").textContent()).not.toContain("whsec_");

    await sections.getByRole("link", { name: "Settings" }).click();
    await page.getByRole("button", { name: "Delete endpoint" }).click();
    await page.getByRole("button", { name: "Yes, delete" }).click();
    await page.getByText("No endpoints yet").waitFor();
    expect(await db.endpoint.count({ where: { id: endpoint.id } })).toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
    await receiver.close();
  });
});
