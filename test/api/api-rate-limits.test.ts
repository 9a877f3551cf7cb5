import { ApiException, Svix } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReservedLimiter } from "@/lib/api/reserved-limiter";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { startApiServer } from "../support/api-server";
import { freshDatabase } from "../support/database";
import { createTestTenant } from "../support/fixtures";

// Small limits for this file's process, so reaching them is quick.
let server: Awaited<ReturnType<typeof startApiServer>>;
let tenant: Awaited<ReturnType<typeof createTestTenant>>;

beforeAll(async () => {
  Object.assign(process.env, { API_RATE_LIMIT: "40", QUOTA_MESSAGES_PER_SECOND: "10" });
  resetEnvCache();
  await freshDatabase();
  server = await startApiServer();
  tenant = await createTestTenant("limits");
});
afterAll(async () => {
  delete process.env.API_RATE_LIMIT;
  delete process.env.QUOTA_MESSAGES_PER_SECOND;
  resetEnvCache();
  await server?.close();
});

const get = (key: string, path = "/api/v1/app") =>
  fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${key}` } });

/** Waits for the start of a fresh one-second window, so a burst falls within one. */
async function freshWindow() {
  await new Promise((resolve) => setTimeout(resolve, 1100));
}

describe("REST API rate limit per API key", () => {
  it("a burst past API_RATE_LIMIT meets 429 + Retry-After in Svix's error shape; another key is unaffected", async () => {
    await freshWindow();
    const answers = await Promise.all(Array.from({ length: 80 }, () => get(tenant.apiKey)));
    const statuses = answers.map((r) => r.status);
    const ok = statuses.filter((s) => s === 200).length;
    const refused = answers.filter((r) => r.status === 429);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    expect(ok).toBeGreaterThanOrEqual(40);
    expect(refused.length).toBeGreaterThan(0);
    const first = refused[0]!;
    expect(Number(first.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await first.json()).toEqual({
      code: "rate_limit_exceeded",
      detail: "Rate limit exceeded: at most 40 requests per second per API key",
    });

    const other = await createTestTenant("limits-other");
    expect((await get(other.apiKey)).status).toBe(200);
    // And the limited key works again once the window has passed.
    await freshWindow();
    expect((await get(tenant.apiKey)).status).toBe(200);
  });

  it("the svix SDK surfaces the 429 as an ApiException", async () => {
    const svix = new Svix(tenant.apiKey, { serverUrl: server.url });
    await freshWindow();
    const results = await Promise.allSettled(Array.from({ length: 60 }, () => svix.application.list()));
    const refused = results.filter((r) => r.status === "rejected").map((r) => r.reason);
    expect(refused.length).toBeGreaterThan(0);
    for (const reason of refused) {
      expect(reason).toBeInstanceOf(ApiException);
      expect(reason).toMatchObject({ code: 429, body: { code: "rate_limit_exceeded" } });
    }
  });
});

describe("messages per second per tenant (QUOTA_MESSAGES_PER_SECOND)", () => {
  it("past the quota a send is a 429 and no message is stored for it", async () => {
    const t = await createTestTenant("msg-quota");
    const svix = new Svix(t.apiKey, { serverUrl: server.url });
    const app = await svix.application.create({ name: "Quota" });
    await freshWindow();
    const results = await Promise.allSettled(
      Array.from({ length: 25 }, (_, i) => svix.message.create(app.id, { eventType: "x.y", payload: { i } })),
    );
    const sent = results.filter((r) => r.status === "fulfilled").length;
    const refused = results.filter((r) => r.status === "rejected").map((r) => r.reason);
    expect(sent + refused.length).toBe(25);
    expect(sent).toBeGreaterThanOrEqual(10);
    expect(sent).toBeLessThanOrEqual(20);
    for (const reason of refused)
      expect(reason).toMatchObject({
        code: 429,
        body: { code: "rate_limit_exceeded", detail: expect.stringContaining("10 messages per second") },
      });
    expect(await db.message.count({ where: { tenantId: t.tenantId } })).toBe(sent);
  });
});

describe("ReservedLimiter: several processes share one limit through PostgreSQL", () => {
  it("two limiters (two processes) together grant at most the limit plus one chunk each per window", async () => {
    const points = 200; // chunks of 10
    const a = new ReservedLimiter("test-shared", points, 5);
    const b = new ReservedLimiter("test-shared", points, 5);
    let granted = 0;
    let refusedWait = 0;
    await Promise.all(
      Array.from({ length: 600 }, async (_, i) => {
        const wait = await (i % 2 ? a : b).take("k");
        if (wait === null) granted += 1;
        else refusedWait = wait;
      }),
    );
    expect(granted).toBeGreaterThanOrEqual(points - 2 * 10);
    expect(granted).toBeLessThanOrEqual(points + 2 * 10);
    expect(refusedWait).toBeGreaterThanOrEqual(1);
    expect(refusedWait).toBeLessThanOrEqual(5);
  });

  it("asks PostgreSQL once per chunk, not once per request", async () => {
    const limiter = new ReservedLimiter("test-chunks", 1000, 10);
    for (let i = 0; i < 500; i++) expect(await limiter.take("k")).toBeNull();
    const [row] = await db.$queryRaw<{ points: number }[]>`
      SELECT points FROM "RateLimit" WHERE key = 'test-chunks:k'`;
    // 500 requests took 10 reservations of 50.
    expect(row?.points).toBe(500);
  });

  it("lets requests through when PostgreSQL cannot be asked", async () => {
    const limiter = new ReservedLimiter("test-down", 5, 10);
    // A store whose statements fail, as when PostgreSQL is away.
    (limiter as unknown as { store: { consume(): Promise<never> } }).store = {
      consume: () => Promise.reject(new Error("connect ECONNREFUSED")),
    };
    for (let i = 0; i < 20; i++) expect(await limiter.take("k")).toBeNull();
  });
});
