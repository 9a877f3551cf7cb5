import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiServer } from "../support/api-server";
import { freshDatabase } from "../support/database";
import { createTestTenant } from "../support/fixtures";

let server: Awaited<ReturnType<typeof startApiServer>>;
let key: string;

beforeAll(async () => {
  await freshDatabase();
  process.env.API_MAX_BODY_BYTES = "4096";
  server = await startApiServer();
  key = (await createTestTenant("errors")).apiKey;
});
afterAll(() => server.close());

async function call(path: string, init: RequestInit & { auth?: string | null } = {}) {
  const headers = new Headers(init.headers);
  if (init.auth !== null) headers.set("authorization", init.auth ?? `Bearer ${key}`);
  const res = await fetch(server.url + path, { ...init, headers });
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get("content-type"),
    body: text ? JSON.parse(text) : null,
    text,
  };
}

describe("bad input gets a JSON error with the right status", () => {
  it("401 without an Authorization header", async () => {
    const r = await call("/api/v1/app", { auth: null });
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ code: "authentication_failed", detail: expect.stringContaining("Missing") });
  });

  it("401 with a wrong or malformed key", async () => {
    expect((await call("/api/v1/app", { auth: "Bearer hk_live_nope" })).status).toBe(401);
    expect((await call("/api/v1/app", { auth: "Basic abc" })).status).toBe(401);
  });

  it("401 once a key is revoked", async () => {
    const { revokeApiKey } = await import("@/lib/api-keys/revoke-api-key");
    const { createApiKey } = await import("@/lib/api-keys/create-api-key");
    const t = await createTestTenant("revoked");
    const extra = await createApiKey({ tenantId: t.tenantId, name: "temp" });
    expect((await call("/api/v1/app", { auth: `Bearer ${extra.key}` })).status).toBe(200);
    expect(await revokeApiKey(t.tenantId, extra.id)).toBe(true);
    expect((await call("/api/v1/app", { auth: `Bearer ${extra.key}` })).status).toBe(401);
  });

  it("400 for malformed JSON", async () => {
    const r = await call("/api/v1/app", {
      method: "POST",
      body: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe("invalid_json");
  });

  it("422 with field details for wrong types", async () => {
    const r = await call("/api/v1/app", {
      method: "POST",
      body: JSON.stringify({ name: 42, metadata: "x" }),
    });
    expect(r.status).toBe(422);
    const locs = r.body.detail.map((d: { loc: string[] }) => d.loc.join("."));
    expect(locs).toEqual(expect.arrayContaining(["body.name", "body.metadata"]));
  });

  it("422 for a bad query parameter", async () => {
    const r = await call("/api/v1/app?limit=100000");
    expect(r.status).toBe(422);
    expect(r.body.detail[0].loc).toEqual(["query", "limit"]);
  });

  it("413 for a body over the configured limit, and nothing is created", async () => {
    const r = await call("/api/v1/app", { method: "POST", body: JSON.stringify({ name: "x".repeat(5000) }) });
    expect(r.status).toBe(413);
    expect(r.body.code).toBe("payload_too_large");
    const list = await call("/api/v1/app");
    expect(list.body.data).toEqual([]);
  });

  it("404 JSON for unknown ids and unknown routes", async () => {
    const r = await call("/api/v1/app/app_doesnotexist");
    expect(r).toMatchObject({ status: 404, body: { code: "not_found" } });
    const route = await call("/api/v1/no-such-thing");
    expect(route).toMatchObject({ status: 404, body: { code: "not_found" } });
  });

  it("409 while the same idempotency key is still in flight is not a stack trace", async () => {
    const body = JSON.stringify({ name: "Race" });
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        call("/api/v1/app", { method: "POST", body, headers: { "idempotency-key": "race" } }),
      ),
    );
    const created = results.filter((r) => r.status === 201);
    expect(created.length + results.filter((r) => r.status === 409).length).toBe(3);
    const ids = new Set(created.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    for (const r of results) expect(r.type).toBe("application/json");
  });

  it("GET /api/v1/health answers 204 without a key", async () => {
    const res = await fetch(`${server.url}/api/v1/health`);
    expect(res.status).toBe(204);
  });
});
