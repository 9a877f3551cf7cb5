import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { type AppProcess, startApp } from "../support/app-process";
import { freshDatabase } from "../support/database";

// `npm start` against a DATABASE_URL of its own, as a production server starts the first time:
// no demo tenant, no password or key in the log, and nothing of the local demo left open.
let app: AppProcess;

beforeAll(async () => {
  // Served as https behind a proxy: APP_URL says so (the test still talks http on loopback).
  app = await startApp(await freshDatabase(), { DEMO_SEED: "false", APP_URL: "https://hooks.example.com" });
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

  it("tells browsers to keep to https when served as https", async () => {
    for (const path of ["/api/v1/health", "/signin"]) {
      const res = await fetch(`${app.url}${path}`);
      expect(res.headers.get("strict-transport-security"), path).toBe("max-age=31536000; includeSubDomains");
    }
  });
});
