import fs from "node:fs";
import path from "node:path";
import { type Browser, chromium } from "playwright-core";

export const SCREENSHOTS = path.resolve(import.meta.dirname, "../../test-results/screenshots");

/** Debian's Chromium (apt-get install chromium), headless; nothing is downloaded. */
export async function launchBrowser(): Promise<Browser> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}
