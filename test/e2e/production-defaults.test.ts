import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signUp } from "@/lib/tenants/sign-up";
import { type AppProcess, startApp } from "../support/app-process";
import { freshDatabase } from "../support/database";

// `npm start` against a DATABASE_URL of its own, as a production server starts the first time:
// no demo tenant, no password or key in the log, and nothing of the local demo left open.
let app: AppProcess;

beforeAll(async () => {
  // Served as https behind a proxy: APP_URL says so (the test still talks http on loopback).
  app = await startApp(await freshDatabase(), {
    DEMO_SEED: "false",
    APP_URL: "https://hooks.example.com",
    NEXTAUTH_URL: "https://hooks.example.com",
    SIGN_IN_MAX_FAILURES_PER_ADDRESS: "20",
  });
}, 600_000);
afterAll(() => app?.stop());

describe("npm start with DATABASE_URL", () => {
  it("seeds no demo tenant and prints no credentials", async () => {
    expect(app.output()).not.toContain("Demo login");
    expect(app.output()).not.toContain("Demo API key");
    expect(await db.user.count()).toBe(0);
    expect(await db.apiKey.count()).toBe(0);
  });

  it("says what it leaves open, and leaves the demo settings closed", async () => {
    const output = app.output();
    expect(output).toContain("Listening on 127.0.0.1: reachable from this machine only.");
    expect(output).not.toContain("Plain http:// endpoints are allowed");
    expect(output).not.toContain("Delivers to special-purpose addresses");
    expect(output).not.toContain("/demo/widget opens");
    expect((await fetch(`${app.url}/demo/widget`)).status).toBe(404);
  });

  it("sends a Content-Security-Policy with portal pages", async () => {
    const csp = (await fetch(`${app.url}/signin`)).headers.get("content-security-policy") ?? "";
    for (const directive of [
      "default-src 'self'",
      "object-src 'none'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
    ])
      expect(csp).toContain(directive);
    expect(csp).not.toContain("unsafe-eval");
  });

  it("tells browsers to keep to https when served as https", async () => {
    for (const path of ["/api/v1/health", "/signin"]) {
      const res = await fetch(`${app.url}${path}`);
      expect(res.headers.get("strict-transport-security"), path).toBe("max-age=31536000; includeSubDomains");
    }
  });

  it("locks an account after its failed sign-ins: 40 wrong passwords meet a 429 with Retry-After", async () => {
    const password = "correct horse battery staple";
    await signUp({ email: "target@example.test", password, name: "Target" });
    await signUp({ email: "bystander@example.test", password, name: "Bystander" });
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 40; i++) {
      const res = await signIn("target@example.test", `wrong ${i}`);
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get("retry-after");
    }
    expect(statuses.slice(0, 10).every((s) => s !== 429 && s < 500)).toBe(true);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Locked whatever the password, and only that account.
    expect((await signIn("target@example.test", password)).status).toBe(429);
    const other = await signIn("bystander@example.test", password);
    expect(other.status).toBe(200);
    expect((await other.json()).url).not.toContain("error=");
    // Served as https: the session cookie is Secure (and __Secure- prefixed), as is every other.
    const cookies = other.headers.getSetCookie();
    expect(cookies.some((c) => c.startsWith("__Secure-next-auth.session-token="))).toBe(true);
    for (const c of cookies) expect(c, c.split("=")[0]).toMatch(/; Secure/i);
  }, 120_000);

  it("locks out one address that tries many accounts, and headers the client sends cannot dodge it", async () => {
    // This file's app allows 20 failures per address; the test above spent 10 of them.
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await signIn(`nobody-${i}@example.test`, "guess")).status);
    expect(statuses.slice(0, 10).every((s) => s !== 429 && s < 500)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const spoofed = await signIn("nobody-else@example.test", "guess", {
      "x-forwarded-for": "203.0.113.9",
      "x-hookline-client-address": "198.51.100.7",
    });
    expect(spoofed.status).toBe(429);
    expect(Number(spoofed.headers.get("retry-after"))).toBeGreaterThan(0);
  }, 120_000);
});

/** A password sign-in as next-auth's client makes it (CSRF token and cookie, JSON answer). */
async function signIn(
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  const csrf = await fetch(`${app.url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return fetch(`${app.url}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...headers },
    body: new URLSearchParams({
      csrfToken,
      email,
      password,
      json: "true",
      callbackUrl: `${app.url}/dashboard`,
    }),
    redirect: "manual",
  });
}
