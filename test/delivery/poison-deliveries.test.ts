import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deliveryConfig } from "@/lib/delivery/config";
import { deliver } from "@/lib/delivery/deliver";
import { MAX_BATCH_BYTES } from "@/lib/delivery/form-batch";
import { startDeliveryStack } from "../support/delivery-stack";
import { startReceiver, waitUntil } from "../support/receiver";

// Whatever goes wrong after a delivery is claimed ends as a recorded, failed attempt, so the
// delivery moves on (retry, dead-letter queue, auto-disable) instead of being claimed forever.
let stack: Awaited<ReturnType<typeof startDeliveryStack>>;
beforeAll(async () => {
  stack = await startDeliveryStack();
  await stack.svix.eventType.create({ name: "order.placed", description: "" });
});
afterAll(() => stack.close());

async function endpointFor(url: string) {
  const app = await stack.svix.application.create({ name: "Poison" });
  const ep = await stack.svix.endpoint.create(app.id, { url });
  return { app, ep };
}

/** The delivery once it is no longer waiting or being sent. */
async function settled(messageId: string) {
  return waitUntil(async () => {
    const d = await db.delivery.findFirstOrThrow({ where: { messageId } });
    return d.status === "failed" || d.status === "succeeded" ? d : null;
  }, 20_000);
}

describe("deliveries that cannot be sent", () => {
  it("a stored header value Node refuses to send is a permanent, recorded failure naming the header", async () => {
    const receiver = await startReceiver();
    const { app, ep } = await endpointFor(receiver.url);
    // Stored before the API validated header values (or written by hand).
    await db.endpoint.update({ where: { id: ep.id }, data: { headers: { "X-Price": "5€" } } });
    const msg = await stack.svix.message.create(app.id, { eventType: "order.placed", payload: { n: 1 } });
    const delivery = await settled(msg.id);
    expect(delivery).toMatchObject({ status: "failed", attemptCount: 1 });
    const attempts = await db.messageAttempt.findMany({ where: { messageId: msg.id } });
    expect(attempts).toEqual([
      expect.objectContaining({
        outcome: "failure",
        errorKind: "invalid_header",
        errorMessage: expect.stringContaining("'X-Price'"),
      }),
    ]);
    expect(receiver.requests).toHaveLength(0);
    // It is in the dead-letter queue, where a fixed endpoint can have it resent.
    const dlq = await stack.svix.messageAttempt.listByMsg(app.id, msg.id);
    expect(dlq.data[0]?.status).toBe(2);
    await receiver.close();
  });

  it("a signing secret that cannot be decrypted fails the attempt for good, without sending", async () => {
    const receiver = await startReceiver();
    const { app, ep } = await endpointFor(receiver.url);
    await db.endpointSecret.updateMany({
      where: { endpointId: ep.id },
      data: { encrypted: "v1.AAAA.BBBB.CCCC" },
    });
    const msg = await stack.svix.message.create(app.id, { eventType: "order.placed", payload: { n: 2 } });
    expect(await settled(msg.id)).toMatchObject({ status: "failed" });
    const attempt = await db.messageAttempt.findFirstOrThrow({ where: { messageId: msg.id } });
    expect(attempt.errorKind).toBe("secret_unreadable");
    expect(receiver.requests).toHaveLength(0);
    await receiver.close();
  });

  it("an expunged message is never sent as `{}`: resend is a 409, and a pending delivery fails as expunged", async () => {
    const receiver = await startReceiver();
    const { app, ep } = await endpointFor(receiver.url);
    const msg = await stack.svix.message.create(app.id, { eventType: "order.placed", payload: { n: 3 } });
    await settled(msg.id);
    await stack.svix.message.expungeContent(app.id, msg.id);
    await expect(stack.svix.messageAttempt.resend(app.id, msg.id, ep.id)).rejects.toMatchObject({
      code: 409,
    });

    // A delivery still waiting when retention expunged its message (retention can be shorter
    // than the retry schedule) fails at its next attempt, saying why.
    await stack.stopWorker();
    const delivery = await db.delivery.findFirstOrThrow({ where: { messageId: msg.id } });
    await db.delivery.update({ where: { id: delivery.id }, data: { status: "pending" } });
    const outcome = await deliver(delivery.id, { config: deliveryConfig() });
    await stack.restartWorker();
    expect(outcome).toMatchObject({ kind: "attempted", status: "failed" });
    const last = await db.messageAttempt.findFirstOrThrow({
      where: { messageId: msg.id },
      orderBy: { createdAt: "desc" },
    });
    expect(last).toMatchObject({ errorKind: "expunged", outcome: "failure" });
    expect(receiver.requests).toHaveLength(1);
    await receiver.close();
  });

  it("anything else thrown after the claim is an `internal` failure that is retried, not a stuck delivery", async () => {
    const receiver = await startReceiver();
    const { app } = await endpointFor(receiver.url);
    await stack.stopWorker();
    const msg = await stack.svix.message.create(app.id, { eventType: "order.placed", payload: { n: 4 } });
    const delivery = await db.delivery.findFirstOrThrow({ where: { messageId: msg.id } });
    const outcome = await deliver(delivery.id, {
      config: deliveryConfig(),
      send: () => {
        throw new RangeError("Invalid string length");
      },
    });
    expect(outcome).toMatchObject({ kind: "attempted", status: "pending" });
    const attempt = await db.messageAttempt.findFirstOrThrow({ where: { messageId: msg.id } });
    expect(attempt).toMatchObject({
      errorKind: "internal",
      errorMessage: expect.stringContaining("Invalid string length"),
    });
    await stack.restartWorker();
    // The retry goes out as usual.
    expect(await settled(msg.id)).toMatchObject({ status: "succeeded", attemptCount: 2 });
    await receiver.close();
  });

  it("a response body holding U+0000 is recorded (made storable), not an endless failure to record", async () => {
    const receiver = await startReceiver(() => ({ status: 200, body: "ok\u0000done" }));
    const { app } = await endpointFor(receiver.url);
    const msg = await stack.svix.message.create(app.id, { eventType: "order.placed", payload: { n: 5 } });
    expect(await settled(msg.id)).toMatchObject({ status: "succeeded" });
    const attempt = await db.messageAttempt.findFirstOrThrow({ where: { messageId: msg.id } });
    expect(attempt.response).toBe("ok\uFFFDdone");
    await receiver.close();
  });
});

describe("batches", () => {
  it(`stay under ${MAX_BATCH_BYTES / 1024 / 1024} MiB whatever their count allows, and every message still arrives`, {
    timeout: 60_000,
  }, async () => {
    const receiver = await startReceiver();
    const app = await stack.svix.application.create({ name: "Big batches" });
    const res = await fetch(`${stack.api.url}/api/v1/app/${app.id}/endpoint`, {
      method: "POST",
      headers: { authorization: `Bearer ${stack.tenant.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ url: receiver.url, batchMaxSize: 100, batchMaxWaitMs: 500 }),
    });
    const ep = await res.json();
    const secret = (await stack.svix.endpoint.getSecret(app.id, ep.id)).key;
    const blob = "x".repeat(900 * 1024);
    const sent = [];
    for (let n = 0; n < 12; n++)
      sent.push(await stack.svix.message.create(app.id, { eventType: "order.placed", payload: { n, blob } }));
    await waitUntil(
      async () => (await db.delivery.count({ where: { endpointId: ep.id, status: "succeeded" } })) === 12,
      40_000,
    );
    expect(receiver.requests.length).toBeGreaterThanOrEqual(3);
    for (const r of receiver.requests) expect(Buffer.byteLength(r.body)).toBeLessThanOrEqual(MAX_BATCH_BYTES);
    const ids = receiver.requests.flatMap((r) =>
      (
        new Webhook(secret.slice(6)).verify(r.body, {
          "webhook-id": String(r.headers["webhook-id"]),
          "webhook-timestamp": String(r.headers["webhook-timestamp"]),
          "webhook-signature": String(r.headers["webhook-signature"]),
        }) as { id: string }[]
      ).map((i) => i.id),
    );
    expect(ids.sort()).toEqual(sent.map((m) => m.id).sort());
    await receiver.close();
  });
});
