import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { AppPortalCapability, Svix } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seriousViolations } from "../support/accessibility";
import { type AppProcess, startApp } from "../support/app-process";
import { launchBrowser, SCREENSHOTS } from "../support/browser";
import { freshDatabase } from "../support/database";
import { pageErrors, signInAsDemo } from "../support/portal-session";
import { startReceiver, waitUntil } from "../support/receiver";

// Issue #14 item 8: every page passes axe-core (WCAG 2.x A/AA) with no serious or critical
// violation, light and dark, at 1280 and 390 px wide.
let app: AppProcess;
let browser: Browser;
let portalPaths: string[];
let widgetPaths: string[];

beforeAll(async () => {
  app = await startApp(await freshDatabase(), {
    DELIVERY_ALLOW_CIDRS: "127.0.0.0/8",
    DELIVERY_REQUIRE_HTTPS: "false",
    DELIVERY_RETRY_SCHEDULE: "0",
    DELIVERY_RETRY_JITTER: "0",
    DEMO_WIDGET: "true",
    // The demo application delivers to an inspector: its page has a request to show.
    DEMO_INSPECTOR: "true",
    // So the Settings tab shows "deliveries come from these addresses" to the sweep.
    DELIVERY_EGRESS_IPS: "203.0.113.10",
  });
  browser = await launchBrowser();
  const svix = new Svix(/Demo API key:\s+(\S+)/.exec(app.output())![1]!, { serverUrl: app.url });
  const ok = await startReceiver(() => ({ status: 204 }));
  const broken = await startReceiver(() => ({ status: 500 }));
  const application = await svix.application.create({ name: "Accessible app" });
  const good = await svix.endpoint.create(application.id, { url: `${ok.url}/ok`, description: "Good" });
  await svix.endpoint.create(application.id, { url: `${broken.url}/broken`, description: "Broken" });
  const message = await svix.message.create(application.id, { eventType: "user.created", payload: { a: 1 } });
  await svix.message.create(application.id, { eventType: "invoice.paid", payload: { b: 2 } });
  await waitUntil(
    async () => (await db.messageAttempt.count({ where: { applicationId: application.id } })) >= 4,
  );
  // Every capability, so the widget shows every tab (ManageTransformations is not a default).
  const inspector = /Watch it arrive: \S+(\/inspector\/insp_\w+)/.exec(app.output())![1]!;
  await svix.message.create("demo-customer", { eventType: "invoice.paid", payload: { c: 3 } });
  await waitUntil(async () => (await db.inspectorRequest.count()) >= 1);
  const { url } = await svix.authentication.appPortalAccess(application.id, {
    capabilities: Object.values(AppPortalCapability),
  });
  const widget = new URL(url).pathname;
  portalPaths = [
    "/dashboard",
    "/applications",
    `/applications/${application.id}`,
    ...["", "?tab=testing", "?tab=settings", "?tab=signing", "?tab=transformation", "?tab=attempts"].map(
      (tab) => `/applications/${application.id}/endpoints/${good.id}${tab}`,
    ),
    "/messages",
    `/applications/${application.id}/messages/${message.id}`,
    "/event-types",
    "/dead-letter",
    "/inspector",
    inspector,
    "/widget",
    "/team",
    "/settings",
    "/operational-webhooks",
    "/api-keys",
    "/docs/api",
  ];
  widgetPaths = [
    widget,
    ...["", "?tab=testing", "?tab=settings", "?tab=signing", "?tab=transformation", "?tab=attempts"].map(
      (tab) => `${widget}/endpoints/${good.id}${tab}`,
    ),
    `${widget}/messages`,
    `${widget}/messages/${message.id}`,
  ];
}, 600_000);

const publicPaths = ["/signin", "/signup", "/demo/widget"];

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function sweep(page: Page, paths: string[], ready: string) {
  const found: Record<string, unknown> = {};
  for (const path of paths) {
    await page.goto(`${app.url}${path}`);
    await page.locator(ready).first().waitFor();
    // Charts draw after they measure their box: check them drawn.
    await page.waitForFunction(() =>
      [...document.querySelectorAll(".recharts-responsive-container")].every((c) =>
        c.querySelector(".recharts-surface"),
      ),
    );
    const violations = await seriousViolations(page);
    if (violations.length) found[path] = violations;
    // Nothing wider than the viewport (tables scroll inside their own box).
    const overflow = await page.evaluate(() => {
      const by = document.documentElement.scrollWidth - window.innerWidth;
      if (by <= 0) return null;
      // The innermost elements that stick out, to say what to fix.
      // (An absolutely positioned element escapes an overflow box that is not positioned itself.)
      const clipped = (e: Element): boolean =>
        !!e.parentElement &&
        getComputedStyle(e).position !== "absolute" &&
        (getComputedStyle(e.parentElement).overflowX !== "visible" || clipped(e.parentElement));
      const out = [...document.querySelectorAll("body *")].filter(
        (e) =>
          e.getBoundingClientRect().right > window.innerWidth + 1 &&
          !clipped(e) &&
          ![...e.children].some((c) => c.getBoundingClientRect().right > window.innerWidth + 1),
      );
      const chain = (e: Element | null): string[] =>
        e && e !== document.body
          ? [
              `${e.tagName}.${e.className} ${e.clientWidth}/${e.scrollWidth}`.slice(0, 90),
              ...chain(e.parentElement),
            ]
          : [];
      return { by, elements: out.slice(0, 1).map((e) => chain(e)) };
    });
    if (overflow) found[`${path} (page scrolls sideways)`] = overflow;
  }
  return found;
}

describe("the portal's header", () => {
  it("is one row at 1280 px, and a menu on a phone that reaches every page", {
    timeout: 60_000,
  }, async () => {
    const page = await signInAsDemo(browser, app);
    await page.setViewportSize({ width: 1280, height: 800 });
    const header = page.locator("header").first();
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link").count()).resolves.toBe(10);
    // One row: the logo, the nav and the account controls share a line.
    const logo = (await header.getByRole("link", { name: "Hookline" }).boundingBox())!;
    const navBox = (await nav.boundingBox())!;
    const account = (await header.locator("summary", { hasText: "Account" }).boundingBox())!;
    expect(Math.abs(navBox.y + navBox.height / 2 - (logo.y + logo.height / 2))).toBeLessThan(8);
    expect(Math.abs(account.y + account.height / 2 - (logo.y + logo.height / 2))).toBeLessThan(8);
    expect((await header.boundingBox())!.height).toBeLessThan(80);
    await page.screenshot({ path: path.join(SCREENSHOTS, "header-1280.png") });

    await page.setViewportSize({ width: 390, height: 800 });
    await expect(nav.count()).resolves.toBe(0);
    await page.locator("summary", { hasText: "Menu" }).click();
    await nav.getByRole("link", { name: "Dead letters" }).click();
    await page.waitForURL(/\/dead-letter/);
    await page.getByRole("heading", { level: 1, name: "Dead-letter queue" }).waitFor();
    // Moving to another page closed the menu; Escape closes it too.
    await expect(nav.count()).resolves.toBe(0);
    await page.locator("summary", { hasText: "Menu" }).click();
    await nav.waitFor();
    await page.keyboard.press("Escape");
    await expect(nav.isVisible()).resolves.toBe(false);
    await page.locator("summary", { hasText: "Account" }).click();
    await page.getByRole("button", { name: "Sign out" }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, "header-390-account.png") });
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});

describe("accessibility", () => {
  for (const width of [1280, 390])
    for (const colorScheme of ["light", "dark"] as const)
      it(`every page at ${width} px, ${colorScheme}: no serious or critical axe violation`, {
        timeout: 240_000,
      }, async () => {
        const page = await signInAsDemo(browser, app);
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme });
        const visitor = await (await browser.newContext()).newPage();
        await visitor.setViewportSize({ width, height: 900 });
        await visitor.emulateMedia({ colorScheme });
        const found = {
          ...(await sweep(page, portalPaths, "main h1")),
          ...(await sweep(page, widgetPaths, "main")),
          ...(await sweep(visitor, publicPaths, "h1, h2")),
        };
        await visitor.context().close();
        // The full findings, for reading when this fails (vitest truncates long diffs).
        fs.writeFileSync(
          path.join(SCREENSHOTS, `axe-${width}-${colorScheme}.json`),
          JSON.stringify(found, null, 2),
        );
        expect(found).toEqual({});
        expect(pageErrors(page)).toEqual([]);
        await page.context().close();
      });

  for (const mode of ["light", "dark"] as const)
    it(`the widget in a tenant's pale yellow, ${mode}: readable shades`, { timeout: 120_000 }, async () => {
      await db.tenant.updateMany({
        where: { name: "Demo SaaS" },
        data: { widgetTheme: { primaryColor: "#facc15", mode } },
      });
      const page = await (await browser.newContext()).newPage();
      const found = await sweep(page, widgetPaths, "main");
      fs.writeFileSync(
        path.join(SCREENSHOTS, `axe-widget-yellow-${mode}.json`),
        JSON.stringify(found, null, 2),
      );
      await page.goto(`${app.url}${widgetPaths[1]}`);
      await page.screenshot({ path: path.join(SCREENSHOTS, `widget-yellow-${mode}.png`), fullPage: true });
      expect(found).toEqual({});
      await page.context().close();
      await db.tenant.updateMany({ where: { name: "Demo SaaS" }, data: { widgetTheme: {} } });
    });
});
