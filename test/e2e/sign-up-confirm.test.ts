import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signUp } from "@/lib/tenants/sign-up";
import { type AppProcess, startApp } from "../support/app-process";
import { launchBrowser, SCREENSHOTS } from "../support/browser";
import { freshDatabase } from "../support/database";
import { pageErrors, watchErrors } from "../support/portal-session";
import { linkIn, startSmtpSink } from "../support/smtp-sink";

// With SMTP_URL, sign-up confirms the address by a link, and the form answers alike whether or not
// the address is registered. The mail server is an SMTP sink on loopback.
let app: AppProcess;
let browser: Browser;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  smtp = await startSmtpSink();
  app = await startApp(await freshDatabase(), { SMTP_URL: smtp.url, DEMO_SEED: "false" });
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await smtp?.close();
});

async function signUpForm(email: string, password: string): Promise<{ page: Page; answer: string }> {
  const page = watchErrors(await (await browser.newContext()).newPage());
  page.setDefaultTimeout(20_000);
  await page.goto(`${app.url}/signup`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByText("Check your inbox").waitFor();
  const answer = ((await page.locator("main").textContent()) ?? "").replace(email, "<email>");
  return { page, answer };
}

describe("sign-up confirmed by email, in a real browser", () => {
  it("a new address signs up through the emailed link, then signs in", { timeout: 120_000 }, async () => {
    const { page } = await signUpForm("newcomer@example.test", "a long enough password");
    expect(app.output()).toContain("confirming their email by a link");
    const link = linkIn(smtp.to("newcomer@example.test")[0]!)!;
    expect(link.startsWith(`${app.url}/signup/confirm/`)).toBe(true);

    await page.goto(link);
    // Opening the link (as mail scanners do) creates nothing; the button does.
    expect(await db.user.count({ where: { email: "newcomer@example.test" } })).toBe(0);
    await page.getByRole("button", { name: "Confirm and create my account" }).click();
    await page.waitForURL(/\/signin\?confirmed=1/);
    await page.getByText("Your email is confirmed").waitFor();
    expect(await page.getByLabel("Email").inputValue()).toBe("newcomer@example.test");
    await page.getByLabel("Password").fill("a long enough password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/dashboard/);
    await page.screenshot({ path: `${SCREENSHOTS}/sign-up-confirmed.png` });

    await page.goto(link);
    await page.getByText("expired or has already been used").waitFor();
    expect(pageErrors(page)).toEqual([]);
  });

  it("a registered address gets the very same answer on the page, and its account is untouched", {
    timeout: 120_000,
  }, async () => {
    await signUp({ email: "member@example.test", password: "the real password" });
    const fresh = await signUpForm("someone-new@example.test", "a long enough password");
    const taken = await signUpForm("member@example.test", "a long enough password");
    expect(taken.answer).toBe(fresh.answer);
    expect(smtp.to("member@example.test")[0]!.raw).toContain("already has one");
    expect(await db.signUpRequest.count({ where: { email: "member@example.test" } })).toBe(0);
    expect(pageErrors(taken.page)).toEqual([]);
  });
});
