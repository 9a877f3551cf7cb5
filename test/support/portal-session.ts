import type { Browser, Page } from "playwright-core";
import type { AppProcess } from "./app-process";

const seen = new WeakMap<Page, string[]>();

/**
 * Collects a page's uncaught errors and console errors (hydration mismatches, React warnings),
 * except failed loads the test caused on purpose (404 pages).
 */
export function watchErrors(page: Page): Page {
  const errors: string[] = [];
  seen.set(page, errors);
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (
      message.type() === "error" &&
      !/Failed to load resource: the server responded with a status of 404/.test(message.text())
    )
      errors.push(`console: ${message.text()}`);
  });
  return page;
}

/** What watchErrors collected so far. */
export function pageErrors(page: Page): string[] {
  return seen.get(page) ?? [];
}

/** A new browser context (own cookies) signed up as a new user with their own team. */
export async function signUpInBrowser(browser: Browser, app: AppProcess, label: string): Promise<Page> {
  const page = watchErrors(await (await browser.newContext()).newPage());
  page.setDefaultTimeout(20_000);
  await page.goto(`${app.url}/signup`);
  await page.getByLabel("Email").fill(`${label}-${Date.now()}@example.test`);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/dashboard/);
  return page;
}

/** A new browser context signed in with the demo login `npm start` printed. */
export async function signInAsDemo(browser: Browser, app: AppProcess): Promise<Page> {
  const [, email, password] = /Demo login:\s+(\S+) \/ (\S+)/.exec(app.output()) ?? [];
  const page = watchErrors(await (await browser.newContext()).newPage());
  page.setDefaultTimeout(20_000);
  await page.goto(`${app.url}/signin`);
  await page.getByLabel("Email").fill(email!);
  await page.getByLabel("Password").fill(password!);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/dashboard/);
  return page;
}
