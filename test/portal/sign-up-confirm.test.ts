import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { passwordMatches } from "@/lib/auth/passwords";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { signUp, verifyPassword } from "@/lib/tenants/sign-up";
import { confirmSignUp, requestSignUp } from "@/lib/tenants/sign-up-request";
import { freshDatabase } from "../support/database";
import { linkIn, startSmtpSink } from "../support/smtp-sink";

let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  await freshDatabase();
  smtp = await startSmtpSink();
  Object.assign(process.env, {
    SMTP_URL: smtp.url,
    MAIL_FROM: "Hookline <no-reply@hooks.example>",
    APP_URL: "https://hooks.example",
  });
  resetEnvCache();
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  delete process.env.APP_URL;
  resetEnvCache();
  await smtp.close();
  await db.$disconnect();
});

const tokenOf = (link: string) => link.split("/signup/confirm/")[1]!;

describe("sign-up confirmed by email", () => {
  it("a new address gets a link; following it once creates the account with the chosen password", async () => {
    await requestSignUp({
      email: "New@Example.test",
      password: "a long enough password",
      name: "Nia",
      tenantName: "Nia Co",
    });
    expect(await db.user.count({ where: { email: "new@example.test" } })).toBe(0);
    const [mail] = smtp.to("new@example.test");
    expect(mail!.raw).toContain("Confirm your email");
    expect(mail!.raw).toContain("From: Hookline <no-reply@hooks.example>");
    const link = linkIn(mail!)!;
    expect(link).toMatch(/^https:\/\/hooks\.example\/signup\/confirm\/[\w-]{43}$/);
    // Only a hash of the token is stored.
    expect(JSON.stringify(await db.signUpRequest.findMany())).not.toContain(tokenOf(link));

    const account = await confirmSignUp(tokenOf(link));
    expect(account.email).toBe("new@example.test");
    expect(await verifyPassword("new@example.test", "a long enough password")).toMatchObject({ name: "Nia" });
    expect(await db.tenant.findUniqueOrThrow({ where: { id: account.tenantId } })).toMatchObject({
      name: "Nia Co",
    });
    await expect(confirmSignUp(tokenOf(link))).rejects.toMatchObject({ status: 410 });
    expect(await db.signUpRequest.count()).toBe(0);
  });

  it("a registered address gets the same treatment, a different mail, and nothing changes", async () => {
    await signUp({ email: "taken@example.test", password: "the original password" });
    const before = await db.user.findUniqueOrThrow({ where: { email: "taken@example.test" } });
    await requestSignUp({ email: "taken@example.test", password: "an attacker's password" });
    const [mail] = smtp.to("taken@example.test");
    expect(mail!.raw).toContain("already has one");
    expect(linkIn(mail!)).toBe("https://hooks.example/signin");
    expect(await db.signUpRequest.count({ where: { email: "taken@example.test" } })).toBe(0);
    const after = await db.user.findUniqueOrThrow({ where: { email: "taken@example.test" } });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(await passwordMatches("an attacker's password", after.passwordHash!)).toBe(false);
  });

  it("takes about as long either way (a hash and a mail each), so timing tells nothing", async () => {
    const time = async (email: string) => {
      const start = performance.now();
      await requestSignUp({ email, password: "a long enough password" });
      return performance.now() - start;
    };
    await signUp({ email: "timed-taken@example.test", password: "a long enough password" });
    const taken: number[] = [];
    const fresh: number[] = [];
    for (let i = 0; i < 3; i++) {
      taken.push(await time("timed-taken@example.test"));
      fresh.push(await time(`timed-new-${i}@example.test`));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[1]!;
    // Both are dominated by the ~175 ms scrypt hash; an early return for a taken address was ~5 ms.
    expect(median(taken)).toBeGreaterThan(median(fresh) * 0.5);
  });

  it("sends one address at most 5 mails an hour, answering the same past that", async () => {
    for (let i = 0; i < 7; i++)
      await requestSignUp({ email: "flooded@example.test", password: "a long enough password" });
    expect(smtp.to("flooded@example.test")).toHaveLength(5);
  });

  it("two clicks on the link at once create one account", async () => {
    await requestSignUp({ email: "twice@example.test", password: "a long enough password" });
    const token = tokenOf(linkIn(smtp.to("twice@example.test")[0]!)!);
    const results = await Promise.allSettled([confirmSignUp(token), confirmSignUp(token)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { email: "twice@example.test" } })).toBe(1);
  });

  it("a link for an address that got an account meanwhile is a 409, and expired links are refused", async () => {
    await requestSignUp({ email: "late@example.test", password: "a long enough password" });
    const token = tokenOf(linkIn(smtp.to("late@example.test")[0]!)!);
    await signUp({ email: "late@example.test", password: "someone was faster" });
    await expect(confirmSignUp(token)).rejects.toMatchObject({ status: 409 });

    await requestSignUp({ email: "slow@example.test", password: "a long enough password" });
    const slow = tokenOf(linkIn(smtp.to("slow@example.test")[0]!)!);
    await expect(confirmSignUp(slow, new Date(Date.now() + 25 * 3_600_000))).rejects.toMatchObject({
      status: 410,
    });
  });

  it("a mail server that is down makes the request fail (the form says to retry), for either kind of address", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:9";
    resetEnvCache();
    try {
      await expect(
        requestSignUp({ email: "down-new@example.test", password: "a long enough password" }),
      ).rejects.toThrow();
      await expect(
        requestSignUp({ email: "taken@example.test", password: "a long enough password" }),
      ).rejects.toThrow();
    } finally {
      process.env.SMTP_URL = smtp.url;
      resetEnvCache();
    }
  });
});
