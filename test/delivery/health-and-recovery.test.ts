import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startDeliveryStack } from "../support/delivery-stack";
import { startReceiver, waitUntil } from "../support/receiver";

let stack: Awaited<ReturnType<typeof startDeliveryStack>>;

// An endpoint is disabled once it has failed without a success for 1 s and at least 4 times.
beforeAll(async () => {
  stack = await startDeliveryStack({ ENDPOINT_DISABLE_AFTER: "1s", ENDPOINT_DISABLE_MIN_ATTEMPTS: "4" });
  await stack.svix.eventType.create({ name: "ping", description: "" });
});
afterAll(() => stack.close());

const statusOf = async (messageId: string, endpointId: string) =>
  (await db.delivery.findUniqueOrThrow({ where: { messageId_endpointId: { messageId, endpointId } } }))
    .status;

describe("endpoint health", () => {
  it("disables an endpoint that keeps failing, parks what follows, and recover sends it all once fixed", async () => {
    const receiver = await startReceiver(() => ({ status: 500 }));
    const app = await stack.svix.application.create({ name: "Unhealthy" });
    const ep = await stack.svix.endpoint.create(app.id, { url: receiver.url });
    const first = await stack.svix.message.create(app.id, { eventType: "ping", payload: { n: 1 } });
    await waitUntil(async () => (await statusOf(first.id, ep.id)) === "failed");
    expect((await stack.svix.endpoint.get(app.id, ep.id)).disabled).toBe(false);
    await new Promise((r) => setTimeout(r, 1100));
    const second = await stack.svix.message.create(app.id, { eventType: "ping", payload: { n: 2 } });
    await waitUntil(async () => (await stack.svix.endpoint.get(app.id, ep.id)).disabled);
    const endpoint = await db.endpoint.findUniqueOrThrow({ where: { id: ep.id } });
    expect(endpoint.disabledReason).toMatch(/Failing without a success/);
    expect(endpoint.consecutiveFailures).toBeGreaterThanOrEqual(4);
    expect(await statusOf(second.id, ep.id)).toBe("parked");
    expect(
      await db.operationalEvent.count({
        where: { tenantId: stack.tenant.tenantId, type: "endpoint.disabled" },
      }),
    ).toBe(1);

    const third = await stack.svix.message.create(app.id, { eventType: "ping", payload: { n: 3 } });
    expect(await statusOf(third.id, ep.id)).toBe("parked");

    receiver.setResponder(() => ({ status: 200 }));
    const before = receiver.requests.length;
    await stack.svix.endpoint.patch(app.id, ep.id, { disabled: false });
    await new Promise((r) => setTimeout(r, 700));
    expect(receiver.requests.length).toBe(before);

    await stack.svix.endpoint.recover(app.id, ep.id, { since: new Date(Date.now() - 60_000) });
    for (const m of [first, second, third])
      await waitUntil(async () => (await statusOf(m.id, ep.id)) === "succeeded");
    const delivered = receiver.requests
      .slice(before)
      .map((r) => JSON.parse(r.body).n)
      .sort();
    expect(delivered).toEqual([1, 2, 3]);
    expect((await db.endpoint.findUniqueOrThrow({ where: { id: ep.id } })).consecutiveFailures).toBe(0);
    await receiver.close();
  });
});
