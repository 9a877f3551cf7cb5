import { Svix } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ensureOperationalApp } from "@/lib/operational/operational-app";
import { startApiServer } from "../support/api-server";
import { freshDatabase } from "../support/database";
import { createTestTenant } from "../support/fixtures";

// Input PostgreSQL cannot store, or that would reach it as something it cannot compare, is a 4xx
// with a JSON error naming the problem: never `internal_error`, never a stored half.
let server: Awaited<ReturnType<typeof startApiServer>>;
let tenant: Awaited<ReturnType<typeof createTestTenant>>;
let svix: Svix;
let appId: string;

beforeAll(async () => {
  await freshDatabase();
  server = await startApiServer();
  tenant = await createTestTenant("unstorable");
  svix = new Svix(tenant.apiKey, { serverUrl: server.url });
  appId = (await svix.application.create({ name: "Bad input" })).id;
  await svix.eventType.create({ name: "thing.happened", description: "" });
});
afterAll(() => server.close());

async function call(path: string, init: RequestInit = {}) {
  const res = await fetch(server.url + path, {
    ...init,
    headers: {
      authorization: `Bearer ${tenant.apiKey}`,
      "content-type": "application/json",
      ...init.headers,
    },
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
const post = (path: string, raw: string) => call(path, { method: "POST", body: raw });

describe("payloads PostgreSQL cannot store", () => {
  it("422 for U+0000 in a payload string, naming where", async () => {
    const r = await post(
      `/api/v1/app/${appId}/msg`,
      '{"eventType":"thing.happened","payload":{"note":"a\\u0000b"}}',
    );
    expect(r.status).toBe(422);
    expect(r.body.detail[0]).toMatchObject({
      loc: ["body", "payload", "note"],
      msg: expect.stringContaining("NUL"),
    });
  });

  it("422 for a lone surrogate, in a value or a key", async () => {
    for (const payload of ['{"note":"\\ud83d"}', '{"\\udead":1}']) {
      const r = await post(`/api/v1/app/${appId}/msg`, `{"eventType":"thing.happened","payload":${payload}}`);
      expect(r.status).toBe(422);
      expect(r.body.code).toBe("validation");
    }
  });

  it("422 for 150,000 nested arrays, which could not even be serialised", async () => {
    const deep = `${"[".repeat(150_000)}${"]".repeat(150_000)}`;
    const r = await post(
      `/api/v1/app/${appId}/msg`,
      `{"eventType":"thing.happened","payload":{"deep":${deep}}}`,
    );
    expect(r.status).toBe(422);
    expect(r.body.detail[0].type).toBe("value_error.too_deep");
  });

  it("422 for U+0000 in any other field (an application name), in a path id or a query value", async () => {
    expect((await post("/api/v1/app", '{"name":"evil\\u0000"}')).status).toBe(422);
    expect((await call("/api/v1/app/app%00x")).status).toBe(422);
    expect((await call(`/api/v1/app/${appId}/msg?channel=%00`)).status).toBe(422);
  });

  it("422 for dates PostgreSQL cannot hold", async () => {
    const r = await call(`/api/v1/app/${appId}/msg?before=%2B275760-09-13T00:00:00Z`);
    expect(r.status).toBe(422);
    expect(r.body.detail[0].loc).toEqual(["query", "before"]);
  });

  it("nothing of a refused request is stored", async () => {
    expect(await db.message.count({ where: { tenantId: tenant.tenantId } })).toBe(0);
  });
});

describe("header values HTTP cannot carry", () => {
  it("422 naming the header, on create, on headers PUT and PATCH", async () => {
    const bad = { "X-Price": "5€" };
    const create = await call(`/api/v1/app/${appId}/endpoint`, {
      method: "POST",
      body: JSON.stringify({ url: "https://example.com/hook", headers: bad }),
    });
    expect(create.status).toBe(422);
    expect(create.body.detail[0]).toMatchObject({
      loc: ["body", "headers", "X-Price"],
      msg: expect.stringContaining("'X-Price'"),
    });
    const ep = await svix.endpoint.create(appId, { url: "https://example.com/hook" });
    for (const method of ["PUT", "PATCH"]) {
      const r = await call(`/api/v1/app/${appId}/endpoint/${ep.id}/headers`, {
        method,
        body: JSON.stringify({ headers: bad }),
      });
      expect(r.status).toBe(422);
    }
    await expect(
      svix.endpoint.patchHeaders(appId, ep.id, { headers: { "X-Plan": "pro" } }),
    ).resolves.toBeUndefined();
  });
});

describe("the internal operational application", () => {
  it("is invisible to the customer API: 404 by its uid, for messages and for widget links", async () => {
    await ensureOperationalApp(tenant.tenantId);
    expect((await call("/api/v1/app/__operational__")).status).toBe(404);
    expect((await call("/api/v1/app/__operational__/msg")).status).toBe(404);
    expect((await post("/api/v1/app/__operational__/msg", '{"eventType":"x","payload":{}}')).status).toBe(
      404,
    );
    expect((await call("/api/v1/app/__operational__/endpoint")).status).toBe(404);
    const link = await post("/api/v1/auth/app-portal-access/__operational__", "{}");
    expect(link.status).toBe(404);
    const internalId = (
      await db.application.findFirstOrThrow({ where: { tenantId: tenant.tenantId, internal: true } })
    ).id;
    expect((await call(`/api/v1/app/${internalId}`)).status).toBe(404);
    expect((await post(`/api/v1/auth/app-portal-access/${internalId}`, "{}")).status).toBe(404);
    // Inline creation cannot take over its uid either.
    const inline = await post(
      "/api/v1/auth/app-portal-access/__operational__",
      '{"application":{"name":"Mine"}}',
    );
    expect(inline.status).toBeGreaterThanOrEqual(400);
    expect(inline.status).toBeLessThan(500);
    expect(await db.appPortalToken.count({ where: { applicationId: internalId } })).toBe(0);
  });
});
