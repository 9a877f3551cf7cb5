import { Svix } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { operations } from "@/lib/openapi/document";
import { startApiServer } from "../support/api-server";
import { freshDatabase } from "../support/database";
import { createTestTenant } from "../support/fixtures";

// Every operation of the OpenAPI document that names an object in its path, called by tenant B
// with tenant A's ids: 404, never 2xx on A's objects, never 5xx; and A's rows are unchanged after.
let server: Awaited<ReturnType<typeof startApiServer>>;
let keyB: string;
const a: Record<string, string> = {};

// A valid body for each operation that takes one, so validation (422) cannot hide the look-up.
const BODIES: Record<string, unknown> = {
  "put /api/v1/app/{app_id}": { name: "Taken over" },
  "patch /api/v1/app/{app_id}": { name: "Taken over" },
  "put /api/v1/event-type/{event_type_name}": { description: "Taken over" },
  "patch /api/v1/event-type/{event_type_name}": { description: "Taken over" },
  "post /api/v1/app/{app_id}/endpoint": { url: "https://attacker.example.com/" },
  "put /api/v1/app/{app_id}/endpoint/{endpoint_id}": { url: "https://attacker.example.com/" },
  "patch /api/v1/app/{app_id}/endpoint/{endpoint_id}": { url: "https://attacker.example.com/" },
  "post /api/v1/app/{app_id}/endpoint/{endpoint_id}/secret/rotate": {},
  "put /api/v1/app/{app_id}/endpoint/{endpoint_id}/headers": { headers: { "X-Stolen": "1" } },
  "patch /api/v1/app/{app_id}/endpoint/{endpoint_id}/headers": { headers: { "X-Stolen": "1" } },
  "post /api/v1/app/{app_id}/msg": { eventType: "isolation.tested", payload: {} },
  "post /api/v1/app/{app_id}/msg/precheck/active": { eventType: "isolation.tested" },
  "post /api/v1/app/{app_id}/endpoint/{endpoint_id}/recover": {
    since: new Date(Date.now() - 3_600_000).toISOString(),
  },
  "post /api/v1/app/{app_id}/endpoint/{endpoint_id}/send-example": { eventType: "isolation.tested" },
  "post /api/v1/app/{app_id}/endpoint/{endpoint_id}/replay-missing": {
    since: new Date(Date.now() - 3_600_000).toISOString(),
  },
  "post /api/v1/app/{app_id}/endpoint/{endpoint_id}/bulk-replay": {
    since: new Date(Date.now() - 3_600_000).toISOString(),
  },
  "post /api/v1/app/{app_id}/msg/expunge-all-contents": {},
  "post /api/v1/app/{app_id}/msg/bulk-expunge": { ids: [] },
  "post /api/v1/app/{app_id}/integration": { name: "Taken over" },
  "patch /api/v1/app/{app_id}/endpoint/{endpoint_id}/transformation": { enabled: false },
  "post /api/v1/app/{app_id}/poller/{sink_id}/consumer/{consumer_id}/seek": {
    after: new Date().toISOString(),
  },
  "put /api/v1/app/{app_id}/integration/{integ_id}": { name: "Taken over" },
  "post /api/v1/app/{app_id}/integration/{integ_id}/key/rotate": {},
  "put /api/v1/operational-webhook/endpoint/{endpoint_id}": { url: "https://attacker.example.com/" },
  "post /api/v1/operational-webhook/endpoint/{endpoint_id}/secret/rotate": {},
  "put /api/v1/operational-webhook/endpoint/{endpoint_id}/headers": { headers: { "X-Stolen": "1" } },
  "post /api/v1/auth/app-portal-access/{app_id}": {},
  "post /api/v1/auth/app/{app_id}/expire-all": {},
  "patch /api/v1/inspector/{inspector_id}": { name: "Taken over", responseStatus: 500 },
};

// PUT on an application, event type or operational endpoint that B does not have creates B's own (Svix's upsert, the
// path taken as B's uid or name): allowed, as long as A's is untouched. B's copy is removed after,
// so the operations that follow meet A's ids again.
const UPSERTS = new Set([
  "put /api/v1/app/{app_id}",
  "put /api/v1/event-type/{event_type_name}",
  "put /api/v1/operational-webhook/endpoint/{endpoint_id}",
]);
let tenantB: string;

async function snapshotOfA() {
  const where = { tenantId: a.tenant };
  return JSON.stringify(
    await Promise.all([
      db.application.findMany({ where, orderBy: { id: "asc" } }),
      db.endpoint.findMany({ where, orderBy: { id: "asc" } }),
      db.endpointSecret.findMany({ where: { endpoint: { tenantId: a.tenant } }, orderBy: { id: "asc" } }),
      db.eventType.findMany({ where, orderBy: { id: "asc" } }),
      db.message.findMany({ where, orderBy: { id: "asc" } }),
      db.delivery.findMany({ where, orderBy: { id: "asc" } }),
      db.messageAttempt.findMany({ where, orderBy: { id: "asc" } }),
      db.appPortalToken.findMany({ where: { tenantId: a.tenant }, orderBy: { id: "asc" } }),
      db.backgroundTask.findMany({ where, orderBy: { id: "asc" } }),
      db.integration.findMany({ where, orderBy: { id: "asc" } }),
      db.pollerConsumer.findMany({ orderBy: { consumerId: "asc" } }),
      db.inspector.findMany({ where, orderBy: { id: "asc" } }),
    ]),
  );
}

beforeAll(async () => {
  await freshDatabase();
  server = await startApiServer();
  const tenantA = await createTestTenant("isolation-a");
  ({ apiKey: keyB, tenantId: tenantB } = await createTestTenant("isolation-b"));
  a.tenant = tenantA.tenantId;
  const svixA = new Svix(tenantA.apiKey, { serverUrl: server.url });
  await svixA.eventType.create({ name: "isolation.tested", description: "A's" });
  const app = await svixA.application.create({ name: "A's customer", uid: "a-customer" });
  a.app_id = app.id;
  const ep = await svixA.endpoint.create(app.id, { url: "https://a.example.com/hook" });
  a.endpoint_id = ep.id;
  const msg = await svixA.message.create(app.id, {
    eventType: "isolation.tested",
    payload: { secret: "A's" },
  });
  a.msg_id = msg.id;
  const delivery = await db.delivery.findFirstOrThrow({ where: { messageId: msg.id } });
  a.attempt_id = newId("atmpt");
  await db.messageAttempt.create({
    data: {
      id: a.attempt_id,
      tenantId: a.tenant,
      applicationId: app.id,
      messageId: msg.id,
      endpointId: ep.id,
      deliveryId: delivery.id,
      url: ep.url,
      outcome: "success",
      responseStatusCode: 200,
      durationMs: 5,
    },
  });
  a.event_type_name = "isolation.tested";
  a.sink_id = ep.id;
  a.consumer_id = "consumer-a";
  a.integ_id = (await svixA.integration.create(app.id, { name: "A's partner" })).id;
  a.task_id = (await svixA.endpoint.recover(app.id, ep.id, { since: new Date(Date.now() - 60_000) })).id;
  const inspector = await fetch(`${server.url}/api/v1/inspector`, {
    method: "POST",
    headers: { authorization: `Bearer ${tenantA.apiKey}`, "content-type": "application/json" },
    body: JSON.stringify({ name: "A's inspector" }),
  });
  a.inspector_id = ((await inspector.json()) as { id: string }).id;
  a.operational_endpoint_id = (
    await svixA.operationalWebhook.endpoint.create({ url: "https://a.example.com/ops" })
  ).id;
}, 60_000);
afterAll(() => server?.close());

const withIds = operations.filter((o) => o.path.includes("{"));

describe("tenant isolation through the REST API", () => {
  it("covers every operation that names an object in its path", () => {
    expect(withIds.length).toBeGreaterThanOrEqual(40);
    for (const o of withIds) {
      if (["put", "patch", "post"].includes(o.method) && !o.path.endsWith("/resend"))
        expect(BODIES, `${o.method} ${o.path}`).toHaveProperty([`${o.method} ${o.path}`]);
    }
  });

  it.each(withIds.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o] as const))(
    "%s with another tenant's ids: 404, and nothing of theirs changes",
    async (_name, o) => {
      const before = await snapshotOfA();
      const operational = o.path.startsWith("/api/v1/operational-webhook");
      const path = o.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
        name === "endpoint_id" && operational ? a.operational_endpoint_id! : a[name]!,
      );
      const key = `${o.method} ${o.path}`;
      const body = BODIES[key];
      const res = await fetch(`${server.url}${path}`, {
        method: o.method.toUpperCase(),
        headers: {
          authorization: `Bearer ${keyB}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      expect(await snapshotOfA()).toBe(before);
      if (UPSERTS.has(key)) {
        expect(res.status, text).toBeLessThan(300);
        expect(JSON.parse(text).id ?? JSON.parse(text).name).not.toBe(a.app_id);
        await db.application.deleteMany({ where: { tenantId: tenantB } });
        await db.eventType.deleteMany({ where: { tenantId: tenantB } });
        await db.endpoint.deleteMany({ where: { tenantId: tenantB } });
      } else expect(res.status, text).toBe(404);
    },
  );
});
