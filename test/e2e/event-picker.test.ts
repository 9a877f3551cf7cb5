import path from "node:path";
import type { Browser } from "playwright-core";
import { Svix } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seriousViolations } from "../support/accessibility";
import { type AppProcess, startApp } from "../support/app-process";
import { launchBrowser, SCREENSHOTS } from "../support/browser";
import { freshDatabase } from "../support/database";
import { pageErrors, signInAsDemo } from "../support/portal-session";

// Issue #14 item 4: an event picker with search, select all, groups and deprecated types flagged.
let app: AppProcess;
let browser: Browser;
let svix: Svix;

beforeAll(async () => {
  app = await startApp(await freshDatabase());
  browser = await launchBrowser();
  svix = new Svix(/Demo API key:\s+(\S+)/.exec(app.output())![1]!, { serverUrl: app.url });
  for (const [name, groupName, deprecated] of [
    ["billing.charge.failed", "Billing", false],
    ["billing.charge.succeeded", "Billing", false],
    ["billing.legacy_invoice", "Billing", true],
    ["shipment.created", undefined, false],
    ["shipment.delivered", undefined, false],
  ] as const)
    await svix.eventType.create({ name, description: `About ${name}`, groupName, deprecated });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("the event-type picker", () => {
  for (const colorScheme of ["light", "dark"] as const)
    it(`searches, selects all shown or a group, flags deprecated types (${colorScheme})`, {
      timeout: 120_000,
    }, async () => {
      const application = await svix.application.create({ name: `Picker ${colorScheme}` });
      const page = await signInAsDemo(browser, app);
      await page.emulateMedia({ colorScheme });
      await page.goto(`${app.url}/applications/${application.id}`);
      const billing = page.getByRole("group", { name: /Billing/ });
      // Groups from groupName, or the name's first part; deprecated last in its group, flagged.
      await expect(
        billing.getByRole("checkbox").evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value)),
      ).resolves.toEqual(["billing.charge.failed", "billing.charge.succeeded", "billing.legacy_invoice"]);
      await expect(billing.getByText("deprecated").count()).resolves.toBe(1);
      await page.getByRole("group", { name: /shipment/ }).waitFor();

      // Search narrows the list; "Select shown" picks only what is shown.
      await page.getByLabel("Search event types").fill("charge");
      await expect(
        page
          .getByRole("checkbox", { name: /shipment/ })
          .first()
          .isVisible(),
      ).resolves.toBe(false);
      await page.getByRole("button", { name: "Select shown" }).click();
      await page.getByText("2 of").waitFor();
      await page.getByLabel("Search event types").fill("nothing like this");
      await page.getByText("No event type matches.").waitFor();
      // A group at once, with the search cleared.
      await page.getByLabel("Search event types").fill("");
      await page.getByRole("button", { name: "Select group shipment" }).click();
      await page.getByText("4 of").waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({
        path: path.join(SCREENSHOTS, `event-picker-${colorScheme}.png`),
        fullPage: true,
      });

      // What is selected is saved, including those a search hid before submitting.
      await page.getByLabel("Search event types").fill("shipment.created");
      await page.getByLabel("Endpoint URL").fill("https://hooks.example.com/picker");
      await page.getByRole("button", { name: "Add endpoint" }).click();
      await page.getByRole("heading", { name: "https://hooks.example.com/picker" }).waitFor();
      const endpoint = await db.endpoint.findFirstOrThrow({ where: { applicationId: application.id } });
      expect([...endpoint.eventTypes].sort()).toEqual([
        "billing.charge.failed",
        "billing.charge.succeeded",
        "shipment.created",
        "shipment.delivered",
      ]);
      // "Clear all" empties the filter: every event type.
      await page.goto(`${app.url}/applications/${application.id}/endpoints/${endpoint.id}?tab=settings`);
      await page.getByText("4 of").waitFor();
      await page.getByRole("button", { name: "Clear all" }).click();
      await page.getByText("None selected: every event type").waitFor();
      await page.getByRole("button", { name: "Save changes" }).click();
      await page.getByText("Saved.").waitFor();
      expect((await db.endpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).eventTypes).toEqual([]);
      expect(pageErrors(page)).toEqual([]);
      await page.context().close();
    });
});
