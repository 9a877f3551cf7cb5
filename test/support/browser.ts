import fs from "node:fs";
import path from "node:path";
import chromiumPackage from "@sparticuz/chromium";
import { type Browser, chromium } from "playwright-core";

export const SCREENSHOTS = path.resolve(import.meta.dirname, "../../test-results/screenshots");
const SYSTEM_CHROMIUM = "/usr/bin/chromium";

/**
 * Headless Chromium, nothing downloaded: CHROMIUM_PATH, else Debian's (/usr/bin/chromium) when
 * installed, else the build inside the @sparticuz/chromium npm package (unpacked to the temp
 * folder on first use), so `npm test` needs no browser on the machine.
 */
export async function launchBrowser(): Promise<Browser> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const executablePath =
    process.env.CHROMIUM_PATH ??
    (fs.existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : await chromiumPackage.executablePath());
  return chromium.launch({
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--no-zygote",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}
