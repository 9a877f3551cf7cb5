import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deadLetterOverview } from "@/lib/delivery/dead-letter-overview";
import { resendAllMatching } from "@/lib/delivery/resend-all-matching";
import { startDeliveryStack } from "../support/delivery-stack";
import { startReceiver, waitUntil } from "../support/receiver";

// Issue #14 item 6: the dead-letter queue is paged by keyset, says why each delivery failed,
// counts what matches, and can resend all of it.
let stack: Awaited<ReturnType<typeof startDeliveryStack>>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let broken: string;
let off: string;

beforeAll(async () => {
  stack = await startDeliveryStack({ DELIVERY_RETRY_SCHEDULE: "0", ENDPOINT_DISABLE_AFTER: "1h" });
  await stack.svix.eventType.create({ name: "ping", description: "" });
  receiver = await startReceiver(() => ({ status: 503 }));
  const app = await stack.svix.application.create({ name: "Queue" });
  broken = (await stack.svix.endpoint.create(app.id, { url: `${receiver.url}/broken` })).id;
  off = (await stack.svix.endpoint.create(app.id, { url: `${receiver.url}/off`, disabled: true })).id;
  for (let i = 0; i < 7; i++) await stack.svix.message.create(app.id, { eventType: "ping", payload: { i } });
  await waitUntil(
    async () => (await db.delivery.count({ where: { endpointId: broken, status: "failed" } })) === 7,
    30_000,
  );
  await waitUntil(
    async () => (await db.delivery.count({ where: { endpointId: off, status: "parked" } })) === 7,
  );
}, 120_000);

afterAll(async () => {
  await receiver?.close();
  await stack?.close();
});

describe("the dead-letter queue", () => {
  it("pages by keyset, newest failure first, with no gap or repeat, each with its last result", async () => {
    const { tenantId } = stack.tenant;
    const seen: string[] = [];
    let before: string | undefined;
    for (let page = 0; page < 5; page++) {
      const result = await deadLetterOverview(tenantId, { before }, 3);
      expect(result.total).toBe(7);
      seen.push(...result.deliveries.map((d) => d.id));
      for (const d of result.deliveries)
        expect(d.lastAttempt).toMatchObject({
          outcome: "failure",
          responseStatusCode: 503,
          errorKind: "http_status",
        });
      if (!result.older) break;
      before = result.older;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    const order = await db.delivery.findMany({
      where: { id: { in: seen } },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    expect(seen).toEqual(order.map((d) => d.id));
  });

  it("shows parked deliveries apart, and filters by endpoint", async () => {
    const { tenantId } = stack.tenant;
    const parked = await deadLetterOverview(tenantId, { status: "parked" });
    expect(parked.total).toBe(7);
    expect(new Set(parked.deliveries.map((d) => d.endpointId))).toEqual(new Set([off]));
    expect((await deadLetterOverview(tenantId, { endpointId: off })).total).toBe(0);
    // A cursor that is not one is ignored, not an error.
    expect((await deadLetterOverview(tenantId, { before: "nonsense" })).deliveries).toHaveLength(7);
  });

  it("resends all matching as one recovery per enabled endpoint, and skips disabled ones", async () => {
    const { tenantId } = stack.tenant;
    expect(await resendAllMatching(tenantId, { status: "parked" })).toEqual({ tasks: 0, disabled: 1 });
    receiver.setResponder(() => ({ status: 204 }));
    expect(await resendAllMatching(tenantId, { status: "failed" })).toEqual({ tasks: 1, disabled: 0 });
    await waitUntil(
      async () => (await db.delivery.count({ where: { endpointId: broken, status: "succeeded" } })) === 7,
      30_000,
    );
    expect((await deadLetterOverview(tenantId, {})).total).toBe(0);
    expect(await db.backgroundTask.count({ where: { tenantId, task: "endpoint.recover" } })).toBe(1);
    expect(await db.delivery.count({ where: { endpointId: off, status: "parked" } })).toBe(7);
  });
});
