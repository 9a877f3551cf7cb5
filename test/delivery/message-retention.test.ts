import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { endpointChart } from "@/lib/endpoints/endpoint-chart";
import { deleteOldMessages } from "@/lib/messages/delete-old-messages";
import { rollupAttempts } from "@/lib/stats/rollup-attempts";
import { startDeliveryStack } from "../support/delivery-stack";
import { startReceiver, waitUntil } from "../support/receiver";

// Issue #15: messages past MESSAGE_RETENTION_DAYS go, with their deliveries and attempts, in
// bounded batches that never hold deliveries up; the charts keep their numbers.
let stack: Awaited<ReturnType<typeof startDeliveryStack>>;
const DAY = 86_400_000;
const OLD = 20_000;

beforeAll(async () => {
  stack = await startDeliveryStack();
  await stack.svix.eventType.create({ name: "kept.or.not", description: "" });
});
afterAll(() => stack.close());

describe("message retention", () => {
  it("deletes old messages with their deliveries and attempts, keeps the rest and the charts' numbers, and lets deliveries through meanwhile", {
    timeout: 120_000,
  }, async () => {
    const receiver = await startReceiver(() => ({ status: 204 }));
    const app = await stack.svix.application.create({ name: "Retained" });
    const endpoint = await stack.svix.endpoint.create(app.id, { url: receiver.url });
    const { tenantId } = stack.tenant;
    // 20,000 messages of 100 days ago, each with a delivery and an attempt, written directly.
    const old = new Date(Date.now() - 100 * DAY);
    await db.$executeRaw`
      INSERT INTO "Message" (id, "tenantId", "applicationId", "eventType", payload, "createdAt")
      SELECT 'msg_old_' || i, ${tenantId}, ${app.id}, 'kept.or.not', '{}', ${old}::timestamptz + (i || ' ms')::interval
        FROM generate_series(1, ${OLD}) i`;
    await db.$executeRaw`
      INSERT INTO "Delivery" (id, "tenantId", "applicationId", "messageId", "endpointId", status, "createdAt", "updatedAt")
      SELECT 'dlv_old_' || i, ${tenantId}, ${app.id}, 'msg_old_' || i, ${endpoint.id}, 'succeeded', ${old}, ${old}
        FROM generate_series(1, ${OLD}) i`;
    await db.$executeRaw`
      INSERT INTO "MessageAttempt" (id, "tenantId", "applicationId", "messageId", "endpointId", "deliveryId", url,
                                    outcome, "responseStatusCode", "durationMs", "createdAt")
      SELECT 'atmpt_old_' || i, ${tenantId}, ${app.id}, 'msg_old_' || i, ${endpoint.id}, 'dlv_old_' || i, 'https://x',
             'success', 200, 5, ${old}::timestamptz + (i || ' ms')::interval
        FROM generate_series(1, ${OLD}) i`;
    // And recent ones, delivered for real.
    const recent: string[] = [];
    for (let i = 0; i < 3; i++)
      recent.push((await stack.svix.message.create(app.id, { eventType: "kept.or.not", payload: { i } })).id);
    await waitUntil(
      async () => (await db.messageAttempt.count({ where: { messageId: { in: recent } } })) === 3,
    );
    await rollupAttempts(new Date());
    const before = await endpointChart(tenantId, endpoint.id, "30d");

    // The pass runs while a new message is sent: it is delivered before the pass is over.
    const started = Date.now();
    const pass = deleteOldMessages(new Date(), 90).then((n) => ({ n, at: Date.now() }));
    const sent = await stack.svix.message.create(app.id, {
      eventType: "kept.or.not",
      payload: { during: true },
    });
    await waitUntil(
      async () => (await db.delivery.count({ where: { messageId: sent.id, status: "succeeded" } })) === 1,
    );
    const deliveredAt = Date.now();
    const { n, at: passEnded } = await pass;
    console.info(
      `deleted ${n} messages in ${passEnded - started} ms; a delivery meanwhile took ${deliveredAt - started} ms`,
    );
    expect(n).toBe(OLD);
    expect(deliveredAt).toBeLessThan(passEnded);

    expect(await db.message.count({ where: { id: { startsWith: "msg_old_" } } })).toBe(0);
    expect(await db.delivery.count({ where: { id: { startsWith: "dlv_old_" } } })).toBe(0);
    expect(await db.messageAttempt.count({ where: { id: { startsWith: "atmpt_old_" } } })).toBe(0);
    expect(await db.message.count({ where: { id: { in: [...recent, sent.id] } } })).toBe(4);
    // The 30-day chart is what it was (plus the message sent meanwhile).
    const after = await endpointChart(tenantId, endpoint.id, "30d");
    expect(after.totals.succeeded).toBe(before.totals.succeeded + 1);
    // Nothing left to do: a second pass deletes nothing.
    expect(await deleteOldMessages(new Date(), 90)).toBe(0);
    await receiver.close();
  });
});
