import type { Browser, Page } from "playwright-core";
import type { AppProcess } from "./app-process";

/** A new browser context (own cookies) signed up as a new user with their own team. */
export async function signUpInBrowser(browser: Browser, app: AppProcess, label: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
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
  const page = await (await browser.newContext()).newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${app.url}/signin`);
  await page.getByLabel("Email").fill(email!);
  await page.getByLabel("Password").fill(password!);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/dashboard/);
  return page;
}
