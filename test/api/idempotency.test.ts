import { Svix } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idempotencyClaim } from "@/lib/api/idempotency";
import { purgeIdempotencyKeys } from "@/lib/api/purge-idempotency-keys";
import { db } from "@/lib/db";
import { startApiServer } from "../support/api-server";
import { freshDatabase } from "../support/database";
import { createTestTenant } from "../support/fixtures";

let server: Awaited<ReturnType<typeof startApiServer>>;
let tenant: Awaited<ReturnType<typeof createTestTenant>>;
let svix: Svix;
let appId: string;

beforeAll(async () => {
  await freshDatabase();
  server = await startApiServer();
  tenant = await createTestTenant("idempotency");
  svix = new Svix(tenant.apiKey, { serverUrl: server.url });
  appId = (await svix.application.create({ name: "Idempotent" })).id;
  await svix.eventType.create({ name: "thing.happened", description: "" });
});
afterAll(() => server.close());

async function post(path: string, body: string, key: string) {
  const res = await fetch(server.url + path, {
    method: "POST",
    headers: {
      authorization: `Bearer ${tenant.apiKey}`,
      "content-type": "application/json",
      "idempotency-key": key,
    },
    body,
  });
  const text = await res.text();
  return {
    status: res.status,
    replayed: res.headers.get("idempotent-replayed"),
    body: text ? JSON.parse(text) : null,
  };
}

/** A claim left "in progress" by a request that died `ageMs` ago, exactly as the real one would be. */
async function abandonedClaim(path: string, body: string, key: string, ageMs: number) {
  const { fingerprint } = idempotencyClaim(tenant.tenantId, key, { method: "POST", path, body });
  await db.idempotencyKey.create({
    data: { tenantId: tenant.tenantId, key, fingerprint, createdAt: new Date(Date.now() - ageMs) },
  });
}

describe("Idempotency-Key", () => {
  it("a first request that died mid-flight holds its key only for the lease, not for 24 hours", async () => {
    const body = JSON.stringify({ name: "Crashed once" });
    await abandonedClaim("/api/v1/app", body, "died-just-now", 1000);
    expect((await post("/api/v1/app", body, "died-just-now")).status).toBe(409);
    await abandonedClaim("/api/v1/app", body, "died-long-ago", 5 * 60_000);
    const retried = await post("/api/v1/app", body, "died-long-ago");
    expect(retried.status).toBe(201);
    expect((await post("/api/v1/app", body, "died-long-ago")).body.id).toBe(retried.body.id);
    // The same key with a different request is still refused.
    expect((await post("/api/v1/app", JSON.stringify({ name: "Other" }), "died-long-ago")).status).toBe(422);
  });

  it("creates one message for any number of concurrent repeats, recorded with the message itself", async () => {
    const body = JSON.stringify({ eventType: "thing.happened", payload: { order: 1 } });
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => post(`/api/v1/app/${appId}/msg`, body, "order-1")),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(202));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await db.message.count({ where: { applicationId: appId } })).toBe(1);
    const row = await db.idempotencyKey.findUniqueOrThrow({
      where: { tenantId_key: { tenantId: tenant.tenantId, key: "order-1" } },
    });
    // No copy of the payload: the replay reads the message.
    expect(row).toMatchObject({ status: 202, replayRef: answers[0]!.body.id, body: null });
  });

  it("a replay after the content was expunged does not serve the payload from a stored copy", async () => {
    const body = JSON.stringify({ eventType: "thing.happened", payload: { card: "4242" } });
    const first = await post(`/api/v1/app/${appId}/msg`, body, "expunge-me");
    expect(first.body.payload).toEqual({ card: "4242" });
    await svix.message.expungeContent(appId, first.body.id);
    const again = await post(`/api/v1/app/${appId}/msg`, body, "expunge-me");
    expect(again).toMatchObject({ status: 202, replayed: "true" });
    expect(again.body).toMatchObject({ id: first.body.id, expunged: true });
    expect(JSON.stringify(again.body)).not.toContain("4242");
  });

  it("a request that failed with nothing created leaves no key behind", async () => {
    const body = JSON.stringify({ eventType: "thing.happened", payload: {} });
    expect((await post("/api/v1/app/app_missing/msg", body, "to-nowhere")).status).toBe(404);
    expect(await db.idempotencyKey.count({ where: { key: "to-nowhere" } })).toBe(0);
  });

  it("a widget link is never stored: a repeat mints a fresh one", async () => {
    const first = await post(`/api/v1/auth/app-portal-access/${appId}`, "{}", "link-1");
    const again = await post(`/api/v1/auth/app-portal-access/${appId}`, "{}", "link-1");
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body.token).not.toBe(first.body.token);
    const rows = await db.idempotencyKey.findMany({ where: { tenantId: tenant.tenantId } });
    expect(JSON.stringify(rows)).not.toContain(first.body.token);
    expect(rows.find((r) => r.key === "link-1")).toMatchObject({ replayRef: "rerun", body: null });
  });

  it("replays a 204 as a 204", async () => {
    const ep = await svix.endpoint.create(appId, { url: "https://example.com/hook" });
    const path = `/api/v1/app/${appId}/endpoint/${ep.id}/secret/rotate`;
    expect((await post(path, "{}", "rotate-1")).status).toBe(204);
    expect(await post(path, "{}", "rotate-1")).toMatchObject({ status: 204, replayed: "true" });
  });

  it("keys are purged once their 24 hours are over", async () => {
    const old = new Date(Date.now() - 25 * 3600_000);
    await db.idempotencyKey.create({
      data: { tenantId: tenant.tenantId, key: "ancient", fingerprint: "x", status: 201, createdAt: old },
    });
    expect(await purgeIdempotencyKeys(new Date())).toBeGreaterThanOrEqual(1);
    expect(await db.idempotencyKey.count({ where: { key: "ancient" } })).toBe(0);
    expect(await db.idempotencyKey.count({ where: { key: "order-1" } })).toBe(1);
  });
});
