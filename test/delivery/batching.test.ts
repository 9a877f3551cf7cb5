import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startDeliveryStack } from "../support/delivery-stack";
import { type ReceivedRequest, startReceiver, waitUntil } from "../support/receiver";

let stack: Awaited<ReturnType<typeof startDeliveryStack>>;
beforeAll(async () => {
  stack = await startDeliveryStack();
  await stack.svix.eventType.create({ name: "metric.recorded", description: "" });
});
afterAll(() => stack.close());

// Batching is a Hookline extension, so the endpoint is created over plain HTTP.
async function batchingEndpoint(appId: string, url: string, batchMaxSize: number, batchMaxWaitMs: number) {
  const res = await fetch(`${stack.api.url}/api/v1/app/${appId}/endpoint`, {
    method: "POST",
    headers: { authorization: `Bearer ${stack.tenant.apiKey}`, "content-type": "application/json" },
    body: JSON.stringify({ url, batchMaxSize, batchMaxWaitMs }),
  });
  expect(res.status).toBe(201);
  const endpoint = await res.json();
  expect(endpoint).toMatchObject({ batchMaxSize, batchMaxWaitMs });
  return { ...endpoint, secret: (await stack.svix.endpoint.getSecret(appId, endpoint.id)).key as string };
}

type Item = { id: string; eventType: string; timestamp: string; payload: { n: number } };
const verified = (r: ReceivedRequest, secret: string) =>
  new Webhook(secret.slice(6)).verify(r.body, {
    "webhook-id": String(r.headers["webhook-id"]),
    "webhook-timestamp": String(r.headers["webhook-timestamp"]),
    "webhook-signature": String(r.headers["webhook-signature"]),
  }) as Item[];

describe("batching", () => {
  it("sends pending messages together as one signed POST of a JSON array, traceable per message", async () => {
    const receiver = await startReceiver();
    const app = await stack.svix.application.create({ name: "Batched" });
    const ep = await batchingEndpoint(app.id, receiver.url, 5, 400);
    const sent = await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        stack.svix.message.create(app.id, { eventType: "metric.recorded", payload: { n } }),
      ),
    );
    await waitUntil(
      async () => (await db.delivery.count({ where: { endpointId: ep.id, status: "succeeded" } })) === 12,
      20_000,
    );

    const batches = receiver.requests.map((r) => ({
      id: String(r.headers["webhook-id"]),
      items: verified(r, ep.secret),
    }));
    expect(batches.length).toBeLessThan(12);
    expect(batches.every((b) => b.items.length >= 1 && b.items.length <= 5)).toBe(true);
    expect(batches.every((b) => b.id.startsWith("batch_"))).toBe(true);
    const items = batches.flatMap((b) => b.items);
    expect(items.map((i) => i.id).sort()).toEqual(sent.map((m) => m.id).sort());
    expect(items.map((i) => i.payload.n).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, n) => n),
    );

    const attempt = await db.messageAttempt.findFirstOrThrow({ where: { messageId: sent[0]!.id } });
    expect(batches.map((b) => b.id)).toContain(attempt.batchId);
    await receiver.close();
  });

  it("retries a failed batch, and exhaustion fails each message into the dead-letter queue", async () => {
    const receiver = await startReceiver(() => ({ status: 500 }));
    const app = await stack.svix.application.create({ name: "Batch retries" });
    const ep = await batchingEndpoint(app.id, receiver.url, 10, 300);
    const sent = await Promise.all(
      Array.from({ length: 3 }, (_, n) =>
        stack.svix.message.create(app.id, { eventType: "metric.recorded", payload: { n } }),
      ),
    );
    await waitUntil(
      async () => (await db.delivery.count({ where: { endpointId: ep.id, status: "failed" } })) === 3,
      20_000,
    );
    expect(receiver.requests.length).toBe(3);
    expect(receiver.requests.every((r) => JSON.parse(r.body).length === 3)).toBe(true);
    for (const m of sent) expect(await db.messageAttempt.count({ where: { messageId: m.id } })).toBe(3);

    receiver.setResponder(() => ({ status: 200 }));
    await stack.svix.messageAttempt.resend(app.id, sent[1]!.id, ep.id);
    await waitUntil(
      async () =>
        (await db.delivery.findFirstOrThrow({ where: { messageId: sent[1]!.id } })).status === "succeeded",
      20_000,
    );
    expect(JSON.parse(receiver.requests.at(-1)!.body).map((i: Item) => i.id)).toEqual([sent[1]!.id]);
    await receiver.close();
  });
});
