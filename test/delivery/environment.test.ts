import { Webhook } from "standardwebhooks";
import { Svix } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startDeliveryStack } from "../support/delivery-stack";
import { createTestTenant } from "../support/fixtures";
import { startReceiver } from "../support/receiver";

// Export a tenant, import it into another: the second behaves as the first (same filters, same
// signing secrets, same headers, same settings).
let stack: Awaited<ReturnType<typeof startDeliveryStack>>;

beforeAll(async () => {
  stack = await startDeliveryStack();
});
afterAll(() => stack.close());

const call = (key: string, path: string, body: unknown) =>
  fetch(`${stack.api.url}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("environment export and import", () => {
  it("moves event types, settings, applications, endpoints (secrets and headers sealed) to another tenant", async () => {
    const a = stack.svix;
    await a.eventType.create({
      name: "invoice.paid",
      description: "Paid",
      schemas: { "1": { type: "object" } },
    });
    await a.eventType.create({ name: "invoice.voided", description: "Voided" });
    const app = await a.application.create({ name: "Acme", uid: "acme", metadata: { plan: "pro" } });
    const unnamed = await a.application.create({ name: "No uid" });
    const receiver = await startReceiver();
    const ep = await a.endpoint.create(app.id, {
      url: receiver.url,
      uid: "billing",
      eventTypes: ["invoice.paid"],
      headers: { Authorization: "Bearer receiver-secret" },
    });
    await a.endpoint.rotateSecret(app.id, ep.id, {});
    const { key: secret } = await a.endpoint.getSecret(app.id, ep.id);
    await a.operationalWebhook.endpoint.create({ url: "https://ops.example.com/hook", uid: "ops" });
    await db.tenant.update({
      where: { id: stack.tenant.tenantId },
      data: { svixHeaders: true, retentionDays: 12 },
    });

    const res = await call(stack.tenant.apiKey, "/api/v1/environment/export", {
      passphrase: "correct horse battery",
    });
    expect(res.status).toBe(200);
    const exported = await res.json();
    const text = JSON.stringify(exported);
    expect(text).not.toContain("receiver-secret");
    expect(text).not.toContain(secret.slice(6));
    expect(exported.eventTypes.map((t: { name: string }) => t.name)).toEqual([
      "invoice.paid",
      "invoice.voided",
    ]);
    expect(exported.applications.map((x: { uid: string }) => x.uid).sort()).toEqual(
      ["acme", unnamed.id].sort(),
    );

    const b = await createTestTenant("imported");
    const bad = await call(b.apiKey, "/api/v1/environment/import", {
      ...exported,
      passphrase: "the wrong one!",
    });
    expect(bad.status).toBe(400);
    const missing = await call(b.apiKey, "/api/v1/environment/import", exported);
    expect(missing.status).toBe(400);
    for (let i = 0; i < 2; i++) {
      const ok = await call(b.apiKey, "/api/v1/environment/import", {
        ...exported,
        passphrase: "correct horse battery",
      });
      expect(ok.status).toBe(204);
    }
    // Imported twice: updated, not duplicated.
    expect(await db.application.count({ where: { tenantId: b.tenantId, internal: false } })).toBe(2);
    expect(await db.endpoint.count({ where: { tenantId: b.tenantId } })).toBe(2);

    const svixB = new Svix(b.apiKey, { serverUrl: stack.api.url });
    expect(await svixB.application.get("acme")).toMatchObject({ name: "Acme", metadata: { plan: "pro" } });
    expect((await svixB.endpoint.getSecret("acme", "billing")).key).toBe(secret);
    expect(await svixB.endpoint.getHeaders("acme", "billing")).toMatchObject({
      sensitive: ["Authorization"],
    });
    expect((await svixB.operationalWebhook.endpoint.get("ops")).url).toBe("https://ops.example.com/hook");
    expect(await db.tenant.findUniqueOrThrow({ where: { id: b.tenantId } })).toMatchObject({
      svixHeaders: true,
      retentionDays: 12,
    });

    // Same behaviour: the filter, the secret, the header, Svix's header names.
    await svixB.message.create("acme", { eventType: "invoice.voided", payload: {} });
    const msg = await svixB.message.create("acme", { eventType: "invoice.paid", payload: { n: 1 } });
    await receiver.waitFor(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.requests).toHaveLength(1);
    const got = receiver.requests[0]!;
    expect(got.headers["webhook-id"]).toBe(msg.id);
    expect(got.headers.authorization).toBe("Bearer receiver-secret");
    expect(got.headers["svix-id"]).toBe(msg.id);
    expect(() =>
      new Webhook(secret.slice(6)).verify(got.body, {
        "webhook-id": String(got.headers["webhook-id"]),
        "webhook-timestamp": String(got.headers["webhook-timestamp"]),
        "webhook-signature": String(got.headers["webhook-signature"]),
      }),
    ).not.toThrow();
    await receiver.close();
  });

  it("without a passphrase, endpoints travel without secrets and get new ones", async () => {
    const exported = await (await call(stack.tenant.apiKey, "/api/v1/environment/export", {})).json();
    expect(exported.sealing).toBeNull();
    const c = await createTestTenant("no-secrets");
    expect((await call(c.apiKey, "/api/v1/environment/import", exported)).status).toBe(204);
    const svixC = new Svix(c.apiKey, { serverUrl: stack.api.url });
    const original = (await stack.svix.endpoint.getSecret("acme", "billing")).key;
    expect((await svixC.endpoint.getSecret("acme", "billing")).key).not.toBe(original);
    expect(await svixC.endpoint.getHeaders("acme", "billing")).toMatchObject({ sensitive: [] });
  });

  it("imports Svix's own export format (event types and settings) through the SDK", async () => {
    const d = await createTestTenant("from-svix");
    const svixD = new Svix(d.apiKey, { serverUrl: stack.api.url });
    await svixD.environment.import({
      eventTypes: [
        { name: "user.created", description: "A user signed up", schemas: { "1": { type: "object" } } },
      ],
      settings: { someSvixSetting: true },
    });
    expect((await svixD.eventType.get("user.created")).description).toBe("A user signed up");
    const out = await svixD.environment.export();
    expect(out.eventTypes.map((t) => t.name)).toEqual(["user.created"]);
  });
});
