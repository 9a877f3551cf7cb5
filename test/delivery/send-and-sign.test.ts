import { Webhook as StandardWebhook } from "standardwebhooks";
import { Webhook as SvixWebhook } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startDeliveryStack } from "../support/delivery-stack";
import { startReceiver, waitUntil } from "../support/receiver";

let stack: Awaited<ReturnType<typeof startDeliveryStack>>;

beforeAll(async () => {
  stack = await startDeliveryStack();
  await stack.svix.eventType.create({ name: "invoice.paid", description: "" });
  await stack.svix.eventType.create({ name: "user.created", description: "" });
});
afterAll(() => stack.close());

function verifyHeaders(h: Record<string, string | string[] | undefined>) {
  return {
    "webhook-id": String(h["webhook-id"]),
    "webhook-timestamp": String(h["webhook-timestamp"]),
    "webhook-signature": String(h["webhook-signature"]),
  };
}

describe("sending a message", () => {
  it("fans out to the endpoints whose event-type filter and channels match", async () => {
    const app = await stack.svix.application.create({ name: "Fan-out" });
    const all = await startReceiver();
    const invoices = await startReceiver();
    const eu = await startReceiver();
    const disabled = await startReceiver();
    await stack.svix.endpoint.create(app.id, { url: all.url });
    await stack.svix.endpoint.create(app.id, { url: invoices.url, eventTypes: ["invoice.paid"] });
    await stack.svix.endpoint.create(app.id, { url: eu.url, channels: ["eu"] });
    await stack.svix.endpoint.create(app.id, { url: disabled.url, disabled: true });

    const m1 = await stack.svix.message.create(app.id, { eventType: "invoice.paid", payload: { n: 1 } });
    await stack.svix.message.create(app.id, {
      eventType: "user.created",
      payload: { n: 2 },
      channels: ["eu"],
    });
    await stack.svix.message.create(app.id, {
      eventType: "user.created",
      payload: { n: 3 },
      channels: ["us"],
    });
    await all.waitFor(3);
    await invoices.waitFor(1);
    await eu.waitFor(1);
    const destinations = await stack.svix.messageAttempt.listAttemptedDestinations(app.id, m1.id);
    expect(destinations.data).toHaveLength(3);

    const late = await startReceiver();
    await stack.svix.endpoint.create(app.id, { url: late.url });
    await new Promise((r) => setTimeout(r, 300));
    expect(all.requests.map((r) => JSON.parse(r.body).n).sort()).toEqual([1, 2, 3]);
    expect(invoices.requests.map((r) => JSON.parse(r.body).n)).toEqual([1]);
    expect(eu.requests.map((r) => JSON.parse(r.body).n)).toEqual([2]);
    expect(disabled.requests).toHaveLength(0);
    expect(late.requests).toHaveLength(0);
    for (const r of [all, invoices, eu, disabled, late]) await r.close();
  });

  it("signs so that the standardwebhooks and svix verifiers accept it, with the Standard Webhooks headers", async () => {
    const app = await stack.svix.application.create({ name: "Signing" });
    const receiver = await startReceiver();
    const ep = await stack.svix.endpoint.create(app.id, { url: receiver.url });
    await stack.svix.endpoint.setHeaders(app.id, ep.id, { headers: { "X-Tenant": "acme" } });
    const { key } = await stack.svix.endpoint.getSecret(app.id, ep.id);
    const msg = await stack.svix.message.create(app.id, {
      eventType: "invoice.paid",
      payload: { amount: 42, note: "ünïcödé" },
    });
    await receiver.waitFor(1);
    const [req] = receiver.requests;
    expect(req!.headers["content-type"]).toBe("application/json");
    expect(req!.headers["user-agent"]).toMatch(/^Hookline\//);
    expect(req!.headers["x-tenant"]).toBe("acme");
    expect(req!.headers["webhook-id"]).toBe(msg.id);
    expect(Math.abs(Number(req!.headers["webhook-timestamp"]) - Date.now() / 1000)).toBeLessThan(30);
    expect(
      new StandardWebhook(key.slice("whsec_".length)).verify(req!.body, verifyHeaders(req!.headers)),
    ).toEqual({ amount: 42, note: "ünïcödé" });
    // svix's verifier throws on a bad signature and returns nothing on a good one.
    expect(() => new SvixWebhook(key).verify(req!.body, verifyHeaders(req!.headers))).not.toThrow();
    const tampered = req!.body.replace("42", "43");
    expect(() => new StandardWebhook(key.slice(6)).verify(tampered, verifyHeaders(req!.headers))).toThrow();
    expect(() => new SvixWebhook(key).verify(tampered, verifyHeaders(req!.headers))).toThrow();

    // The attempt is recorded as sent: its request headers and the answer.
    await waitUntil(
      async () => (await db.delivery.findFirst({ where: { messageId: msg.id } }))?.status === "succeeded",
    );
    const attempt = await db.messageAttempt.findFirstOrThrow({ where: { messageId: msg.id } });
    expect(attempt).toMatchObject({
      outcome: "success",
      responseStatusCode: 200,
      endpointId: ep.id,
      trigger: "scheduled",
    });
    expect(attempt.requestHeaders).toMatchObject({
      "content-type": "application/json",
      "webhook-id": msg.id,
      "webhook-timestamp": req!.headers["webhook-timestamp"],
      "webhook-signature": req!.headers["webhook-signature"],
      "X-Tenant": "acme",
    });
    await receiver.close();
  });

  it("signs with both the new and the old secret while a rotation's grace period lasts", async () => {
    const app = await stack.svix.application.create({ name: "Rotation" });
    const receiver = await startReceiver();
    const ep = await stack.svix.endpoint.create(app.id, { url: receiver.url });
    const old = (await stack.svix.endpoint.getSecret(app.id, ep.id)).key;
    await stack.svix.endpoint.rotateSecret(app.id, ep.id, {});
    const fresh = (await stack.svix.endpoint.getSecret(app.id, ep.id)).key;
    await stack.svix.message.create(app.id, { eventType: "invoice.paid", payload: { rotated: true } });
    await receiver.waitFor(1);
    const [req] = receiver.requests;
    expect(String(req!.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    for (const secret of [old, fresh]) {
      expect(new StandardWebhook(secret.slice(6)).verify(req!.body, verifyHeaders(req!.headers))).toEqual({
        rotated: true,
      });
    }
    await receiver.close();
  });

  it("answers 202 with the message, 409 for a reused eventId, 413 for an oversized payload, and replays an idempotency key", async () => {
    const app = await stack.svix.application.create({ name: "Conflicts" });
    const msg = await stack.svix.message.create(
      app.id,
      { eventType: "invoice.paid", eventId: "evt-1", payload: { a: 1 } },
      { withContent: true },
    );
    expect(msg).toMatchObject({ eventType: "invoice.paid", eventId: "evt-1", payload: { a: 1 } });
    const withoutContent = await stack.svix.message.create(app.id, {
      eventType: "invoice.paid",
      payload: { a: 2 },
    });
    expect(withoutContent.payload).toEqual({});
    expect((await stack.svix.message.get(app.id, "evt-1")).id).toBe(msg.id);
    await expect(
      stack.svix.message.create(app.id, { eventType: "invoice.paid", eventId: "evt-1", payload: {} }),
    ).rejects.toMatchObject({ code: 409 });

    const again = await stack.svix.message.create(
      app.id,
      { eventType: "invoice.paid", payload: { b: 2 } },
      { idempotencyKey: "once" },
    );
    const replay = await stack.svix.message.create(
      app.id,
      { eventType: "invoice.paid", payload: { b: 2 } },
      { idempotencyKey: "once" },
    );
    expect(replay.id).toBe(again.id);
    const list = await stack.svix.message.list(app.id, { withContent: true });
    expect(list.data.filter((m) => m.payload.b === 2)).toHaveLength(1);

    const huge = await fetch(`${stack.api.url}/api/v1/app/${app.id}/msg`, {
      method: "POST",
      headers: { authorization: `Bearer ${stack.tenant.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ eventType: "invoice.paid", payload: { blob: "x".repeat(1_100_000) } }),
    });
    expect(huge.status).toBe(413);
    expect((await huge.json()).code).toBe("payload_too_large");
  });

  it("lists messages with filters and reports endpoint stats", async () => {
    const app = await stack.svix.application.create({ name: "Lists" });
    const receiver = await startReceiver();
    const ep = await stack.svix.endpoint.create(app.id, { url: receiver.url });
    await stack.svix.message.create(app.id, { eventType: "invoice.paid", payload: {}, channels: ["eu"] });
    await stack.svix.message.create(app.id, { eventType: "user.created", payload: {} });
    const byType = await stack.svix.message.list(app.id, { eventTypes: ["user.created"] });
    expect(byType.data.map((m) => m.eventType)).toEqual(["user.created"]);
    const byChannel = await stack.svix.message.list(app.id, { channel: "eu" });
    expect(byChannel.data).toHaveLength(1);
    await receiver.waitFor(2);
    const stats = await waitUntil(async () => {
      const s = await stack.svix.endpoint.getStats(app.id, ep.id);
      return s.success === 2 ? s : null;
    });
    expect(stats).toMatchObject({ success: 2, fail: 0, pending: 0 });
    const attempts = await stack.svix.messageAttempt.listByEndpoint(app.id, ep.id);
    expect(attempts.data).toHaveLength(2);
    expect(attempts.data[0]).toMatchObject({ responseStatusCode: 200, status: 0, endpointId: ep.id });
    await receiver.close();
  });
});
