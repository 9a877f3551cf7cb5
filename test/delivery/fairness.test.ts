import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startDeliveryWorker } from "@/lib/jobs/graphile/run-worker";
import { startDeliveryStack } from "../support/delivery-stack";
import { startReceiver, waitUntil } from "../support/receiver";

let stack: Awaited<ReturnType<typeof startDeliveryStack>>;
beforeAll(async () => {
  stack = await startDeliveryStack({}, { inProcessWorker: false });
  await stack.svix.eventType.create({ name: "order.placed", description: "" });
});
afterAll(() => stack.close());

describe("fairness between applications", () => {
  it("one application's 100 hung endpoints do not hold up another application's deliveries", {
    timeout: 120_000,
  }, async () => {
    // TCP accepted, never answered.
    const hung = await startReceiver(() => "hang");
    const fast = await startReceiver();
    const noisy = await stack.svix.application.create({ name: "Hung endpoints" });
    for (let i = 0; i < 100; i++) {
      const res = await fetch(`${stack.api.url}/api/v1/app/${noisy.id}/endpoint`, {
        method: "POST",
        headers: { authorization: `Bearer ${stack.tenant.apiKey}`, "content-type": "application/json" },
        body: JSON.stringify({ url: `${hung.url}/${i}`, timeout: 60 }),
      });
      expect(res.status).toBe(201);
    }
    const quiet = await stack.svix.application.create({ name: "One fast endpoint" });
    const fastEndpoint = await stack.svix.endpoint.create(quiet.id, { url: fast.url });

    const worker = await startDeliveryWorker({ connectionString: stack.databaseUrl, concurrency: 200 });
    for (let n = 0; n < 10; n++)
      await stack.svix.message.create(noisy.id, { eventType: "order.placed", payload: { n } });
    // The noisy application's 1,000 deliveries are under way (as many as may be) …
    await hung.waitFor(20);
    const sent = [];
    for (let n = 0; n < 50; n++)
      sent.push(await stack.svix.message.create(quiet.id, { eventType: "order.placed", payload: { n } }));
    // … and the other application's 50 messages all arrive while every one of them still hangs.
    await waitUntil(
      async () =>
        (await db.delivery.count({ where: { endpointId: fastEndpoint.id, status: "succeeded" } })) === 50,
      60_000,
      100,
    );
    expect(fast.requests).toHaveLength(50);
    expect(await db.delivery.count({ where: { applicationId: noisy.id, status: "succeeded" } })).toBe(0);
    // Each hung endpoint kept to the places a new endpoint starts with: it waits behind itself.
    const perEndpoint = new Map<string, number>();
    for (const r of hung.requests) perEndpoint.set(r.url, (perEndpoint.get(r.url) ?? 0) + 1);
    expect(Math.max(...perEndpoint.values())).toBeLessThanOrEqual(16);

    await hung.close(); // the hung attempts fail now, so the worker can stop
    await worker.stop();
    await fast.close();
  });
});
