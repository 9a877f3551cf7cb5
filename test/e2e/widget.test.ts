import path from "node:path";
import type { Browser, Frame, Page } from "playwright-core";
import { Svix } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { type AppProcess, startApp } from "../support/app-process";
import { launchBrowser, SCREENSHOTS } from "../support/browser";
import { freshDatabase } from "../support/database";
import { startHostPage } from "../support/host-page";
import { pageErrors, signInAsDemo, watchErrors } from "../support/portal-session";
import { startReceiver } from "../support/receiver";

let app: AppProcess;
let browser: Browser;
let svix: Svix;
let host: Awaited<ReturnType<typeof startHostPage>>;
let stranger: Awaited<ReturnType<typeof startHostPage>>;

beforeAll(async () => {
  app = await startApp(await freshDatabase(), {
    DELIVERY_ALLOW_CIDRS: "127.0.0.0/8",
    DELIVERY_REQUIRE_HTTPS: "false",
    DEMO_WIDGET: "true",
  });
  browser = await launchBrowser();
  svix = new Svix(/Demo API key:\s+(\S+)/.exec(app.output())![1]!, { serverUrl: app.url });
  host = await startHostPage(app.url);
  stranger = await startHostPage(app.url);
  // The demo tenant lets the host page's origin (not the stranger's) frame its widget.
  await db.tenant.updateMany({ where: { name: "Demo SaaS" }, data: { widgetAllowedOrigins: [host.origin] } });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await stranger?.close();
  await app?.stop();
});

async function widgetFrame(page: Page): Promise<Frame> {
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => f.url().startsWith(`${app.url}/embed/`));
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error("the widget frame never appeared");
}

async function openOnHost(origin: string, url: string) {
  const page = watchErrors(await (await browser.newContext()).newPage());
  page.setDefaultTimeout(20_000);
  await page.goto(`${origin}/?url=${encodeURIComponent(url)}`);
  return page;
}

describe("the embeddable widget in a real browser", () => {
  it("works on another origin: create an endpoint, send a test event, see the attempt; events reach the host", {
    timeout: 180_000,
  }, async () => {
    const receiver = await startReceiver();
    const customer = await svix.application.create({ name: "Initech", uid: "initech" });
    const { url } = await svix.authentication.appPortalAccess(customer.id, {});
    const page = await openOnHost(host.origin, url);
    const frame = await widgetFrame(page);
    await frame.getByText("Webhooks · Initech").waitFor();
    // The event-type picker shows the tenant's catalogue with descriptions.
    await frame.getByText("An invoice was paid in full.").waitFor();
    // A short window: the form's button is below the fold, so the host page scrolls down to it.
    await page.setViewportSize({ width: 1280, height: 500 });
    await frame.getByLabel("Endpoint URL").fill(receiver.url);
    await frame.getByLabel("invoice.paid").check();
    await frame.getByRole("button", { name: "Add endpoint" }).click();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await frame.getByRole("heading", { name: receiver.url }).waitFor();
    // The host page, scrolled down to the form's button, was brought back to the widget's top,
    // where the confirmation shows: in view, not somewhere below.
    const toast = frame.getByTestId("widget-toast");
    await toast.waitFor();
    await expect
      .poll(async () => (await page.locator("iframe").boundingBox())!.y, { timeout: 5000 })
      .toBeGreaterThanOrEqual(0);
    const seen = (await toast.boundingBox())!;
    expect(seen.y).toBeGreaterThanOrEqual(0);
    expect(seen.y + seen.height).toBeLessThanOrEqual(page.viewportSize()!.height);
    await expect(toast.textContent()).resolves.toBe("Endpoint added");
    await page.setViewportSize({ width: 1280, height: 720 });
    const endpoint = await db.endpoint.findFirstOrThrow({ where: { url: receiver.url } });
    expect(endpoint.applicationId).toBe(customer.id);
    await page.locator("#events li", { hasText: `endpoint.created ${endpoint.id}` }).waitFor();

    // The iframe follows its content's height (widget.js listens to the widget's size reports).
    const iframe = page.locator("iframe");
    await expect.poll(async () => (await iframe.boundingBox())?.height ?? 0).toBeGreaterThan(700);

    await frame.getByRole("link", { name: "Send a test event" }).click();
    await frame.getByRole("button", { name: "Send test event" }).click();
    await expect(frame.getByTestId("test-event-result").textContent({ timeout: 30_000 })).resolves.toMatch(
      /Delivered: HTTP 200/,
    );
    await frame.getByRole("link", { name: "Messages", exact: true }).click();
    await frame.getByRole("link", { name: /^msg_/ }).first().click();
    await frame.getByTestId("message-payload").waitFor();
    await expect(frame.getByText("✓ Succeeded").count()).resolves.toBe(1);
    // The host's theme overrides (primary colour, dark mode) reached the widget.
    const colour = await frame.evaluate(() =>
      getComputedStyle(document.getElementById("widget-root")!).getPropertyValue("--color-brand-600").trim(),
    );
    expect(colour).toBe("#be123c");
    await expect(frame.evaluate(() => document.documentElement.classList.contains("dark"))).resolves.toBe(
      true,
    );
    await page.locator("iframe").screenshot({ path: path.join(SCREENSHOTS, "widget.png") });
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
    await receiver.close();
  });

  it("shows a token for another application nothing of the first", async () => {
    const first = await db.application.findFirstOrThrow({ where: { uid: "initech" } });
    const endpoint = await db.endpoint.findFirstOrThrow({ where: { applicationId: first.id } });
    const message = await db.message.findFirstOrThrow({ where: { applicationId: first.id } });
    const otherApp = await svix.application.create({ name: "Hooli", uid: "hooli" });
    const { url } = await svix.authentication.appPortalAccess(otherApp.id, {});
    const page = await (await browser.newContext()).newPage();
    await page.goto(url);
    await page.getByText("Webhooks · Hooli").waitFor();
    await page.getByText("No endpoints yet").waitFor();
    expect(await page.content()).not.toContain(endpoint.url);
    for (const path of [`/endpoints/${endpoint.id}`, `/messages/${message.id}`]) {
      const response = await page.goto(`${url}${path}`);
      expect(response?.status()).toBe(404);
      expect(await page.content()).not.toContain(endpoint.url);
    }
    await page.goto(`${url}/messages?app=${first.id}&endpoint=${endpoint.id}`);
    await page.getByText("No messages match these filters.").waitFor();
    await page.context().close();
  });

  it("refuses a read-only token's and another application's changes on the server, even replaying a full token's request", {
    timeout: 60_000,
  }, async () => {
    const customer = await db.application.findFirstOrThrow({ where: { uid: "initech" } });
    const endpoint = await db.endpoint.findFirstOrThrow({ where: { applicationId: customer.id } });
    const full = await svix.authentication.appPortalAccess(customer.id, {});
    const readOnly = await svix.authentication.appPortalAccess(customer.id, { readOnly: true });

    // The read-only view offers no changes.
    const viewer = await (await browser.newContext()).newPage();
    viewer.setDefaultTimeout(20_000);
    await viewer.goto(`${readOnly.url}/endpoints/${endpoint.id}`);
    await viewer.getByRole("heading", { name: endpoint.url }).waitFor();
    for (const name of ["Disable", "Delete endpoint", "Save changes", "Send test event", "Rotate", "Reveal"])
      expect(await viewer.getByRole("button", { name }).count()).toBe(0);

    // A full token disables the endpoint; that request, replayed with the read-only token, is refused.
    const editor = await (await browser.newContext()).newPage();
    editor.setDefaultTimeout(20_000);
    await editor.goto(`${full.url}/endpoints/${endpoint.id}`);
    const request = editor.waitForRequest(
      (r) => r.method() === "POST" && Boolean(r.headers()["next-action"]),
    );
    await editor.getByRole("button", { name: "Disable" }).click();
    const disable = await request;
    await expect
      .poll(async () => (await db.endpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).disabled)
      .toBe(true);
    await editor.getByText("Disabled in your webhook settings").waitFor();
    await editor.getByRole("button", { name: "Enable" }).click();
    await expect
      .poll(async () => (await db.endpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).disabled)
      .toBe(false);

    expect(disable.postData()).toContain(full.token);
    // Replayed with a read-only token of the same application, and with a full token of another
    // application: both refused, the endpoint stays enabled.
    const otherApp = await svix.authentication.appPortalAccess("hooli", {});
    for (const token of [readOnly.token, otherApp.token]) {
      const replay = await viewer.evaluate(
        async (r) => (await fetch(r.url, { method: "POST", headers: r.headers, body: r.body })).status,
        {
          url: disable.url().replace(full.token, token),
          headers: Object.fromEntries(
            Object.entries(disable.headers()).filter(([k]) =>
              ["next-action", "content-type", "accept"].includes(k),
            ),
          ),
          body: disable.postData()!.replaceAll(full.token, token),
        },
      );
      expect(replay).toBeGreaterThanOrEqual(400);
      expect((await db.endpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).disabled).toBe(false);
    }
    await viewer.context().close();
    await editor.context().close();
  });

  it("shows the expiry screen for an expired or revoked link", async () => {
    const customer = await db.application.findFirstOrThrow({ where: { uid: "initech" } });
    const { url } = await svix.authentication.appPortalAccess(customer.id, {});
    const page = await openOnHost(host.origin, url);
    await (await widgetFrame(page)).getByText("Webhooks · Initech").waitFor();
    await svix.authentication.expireAll(customer.id, {});
    await page.reload();
    const frame = await widgetFrame(page);
    await frame.getByText("This link has expired").waitFor();
    expect(await frame.getByText("Initech").count()).toBe(0);
    await page.context().close();
  });

  it("cannot be framed by a site the tenant did not list", async () => {
    const customer = await db.application.findFirstOrThrow({ where: { uid: "initech" } });
    const { url } = await svix.authentication.appPortalAccess(customer.id, {});
    const response = await fetch(url);
    expect(response.headers.get("content-security-policy")).toBe(`frame-ancestors 'self' ${host.origin}`);
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    const page = await openOnHost(stranger.origin, url);
    await page.waitForTimeout(2_000);
    const framed = page.frames().find((f) => f !== page.mainFrame());
    expect(framed).toBeDefined();
    // Chromium replaces a frame refused by frame-ancestors with an error page: no widget content.
    expect(await framed!.locator("text=Webhooks · Initech").count()).toBe(0);
    await page.context().close();
  });

  it("serves /demo/widget with the demo application mounted", async () => {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${app.url}/demo/widget`);
    const frame = await widgetFrame(page);
    await frame.getByText("Webhooks · Demo customer").waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, "widget-demo.png"), fullPage: true });
    await page.context().close();
  });

  it("shows the demo widget when opened at localhost instead of APP_URL's 127.0.0.1", async () => {
    const page = watchErrors(await (await browser.newContext()).newPage());
    page.setDefaultTimeout(20_000);
    const other = app.url.replace("127.0.0.1", "localhost");
    await page.goto(`${other}/demo/widget`);
    let frame: Frame | undefined;
    for (let i = 0; i < 100 && !frame; i++) {
      frame = page.frames().find((f) => f.url().startsWith(`${other}/embed/`));
      if (!frame) await page.waitForTimeout(100);
    }
    await frame!.getByText("Webhooks · Demo customer").waitFor();
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it("is configured in the portal: origins and theme saved (bad ones refused), and a live preview", async () => {
    const page = await signInAsDemo(browser, app);
    await page.getByRole("link", { name: "Widget" }).click();
    await page
      .getByLabel("Sites allowed to embed the widget")
      .fill(`${host.origin}\nhttps://app.example.com/path`);
    await page.getByRole("button", { name: "Save widget settings" }).click();
    await page.getByText("https://app.example.com/path: must be an origin").waitFor();
    await page
      .getByLabel("Sites allowed to embed the widget")
      .fill(`${host.origin}\nhttps://app.example.com`);
    await page.getByLabel("Primary colour").fill("#0f766e");
    await page.getByLabel("Light or dark").selectOption("dark");
    await page.getByRole("button", { name: "Save widget settings" }).click();
    await page.getByText("Saved.").waitFor();
    const tenant = await db.tenant.findFirstOrThrow({ where: { name: "Demo SaaS" } });
    expect(tenant.widgetAllowedOrigins).toEqual([host.origin, "https://app.example.com"]);
    expect(tenant.widgetTheme).toEqual({ primaryColor: "#0f766e", mode: "dark" });

    await page.getByLabel("Application").selectOption({ label: "Demo customer" });
    await page.getByRole("button", { name: "Preview" }).click();
    const frame = await widgetFrame(page);
    await frame.getByText("Webhooks · Demo customer").waitFor();
    await expect(frame.evaluate(() => document.documentElement.classList.contains("dark"))).resolves.toBe(
      true,
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, "widget-settings.png"), fullPage: true });
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
