import type { Svix } from "svix";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startDeliveryStack } from "../support/delivery-stack";
import { startReceiver, waitUntil } from "../support/receiver";
import { startWorkerProcess } from "../support/worker-process";

let stack: Awaited<ReturnType<typeof startDeliveryStack>>;
let databaseUrl: string;
let svix: Svix;

beforeAll(async () => {
  stack = await startDeliveryStack({}, { inProcessWorker: false });
  ({ databaseUrl, svix } = stack);
  await svix.eventType.create({ name: "tick", description: "" });
}, 60_000);
let workers: ReturnType<typeof startWorkerProcess>[] = [];
afterEach(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  workers = [];
});
afterAll(() => stack.close());

describe("per-endpoint rate limit", () => {
  it("holds across two worker processes, and nothing is failed or dropped for it", {
    timeout: 90_000,
  }, async () => {
    const RATE = 20;
    const COUNT = 80;
    const receiver = await startReceiver();
    const app = await svix.application.create({ name: "Throttled" });
    const ep = await svix.endpoint.create(app.id, { url: receiver.url, throttleRate: RATE });
    workers = [
      startWorkerProcess(databaseUrl, { WORKER_CONCURRENCY: "20" }),
      startWorkerProcess(databaseUrl, { WORKER_CONCURRENCY: "20" }),
    ];
    await Promise.all(workers.map((w) => w.ready));
    await Promise.all(
      Array.from({ length: COUNT }, (_, i) =>
        svix.message.create(app.id, { eventType: "tick", payload: { i } }),
      ),
    );
    await receiver.waitFor(COUNT, 60_000);

    const times = receiver.requests.map((r) => r.at).sort((a, b) => a - b);
    const measured = (times.length - 1) / ((times.at(-1)! - times[0]!) / 1000);
    expect(measured).toBeGreaterThan(RATE * 0.9);
    expect(measured).toBeLessThan(RATE * 1.1);
    const statuses = await waitUntil(async () => {
      const s = await svix.endpoint.getStats(app.id, ep.id);
      return s.success === COUNT ? s : null;
    });
    expect(statuses).toMatchObject({ success: COUNT, fail: 0 });
    expect(await db.messageAttempt.count({ where: { endpointId: ep.id } })).toBe(COUNT);
    await receiver.close();
  });

  it("hands out slots exactly 1/rate apart, each once, to concurrent claimers", async () => {
    const { reserveSlot } = await import("@/lib/delivery/rate-limit");
    const app = await svix.application.create({ name: "Slots" });
    const ep = await svix.endpoint.create(app.id, { url: "https://example.com/slots", throttleRate: 20 });
    const now = new Date();
    const slots = (await Promise.all(Array.from({ length: 30 }, () => reserveSlot(ep.id, 20, now))))
      .map((d) => d.getTime())
      .sort((a, b) => a - b);
    expect(slots[0]).toBe(now.getTime());
    expect(new Set(slots).size).toBe(30);
    for (let i = 1; i < slots.length; i++) expect(slots[i]! - slots[i - 1]!).toBe(50);
  });

  it("uses the application's rate when the endpoint has none", async () => {
    const { claimDelivery } = await import("@/lib/delivery/claim-delivery");
    const app = await svix.application.create({ name: "App rate", throttleRate: 7 });
    const ep = await svix.endpoint.create(app.id, { url: "http://127.0.0.1:9/none" });
    const msg = await svix.message.create(app.id, { eventType: "tick", payload: {} });
    const delivery = await db.delivery.findFirstOrThrow({ where: { messageId: msg.id, endpointId: ep.id } });
    const claimed = await claimDelivery(delivery.id, new Date(), 500);
    expect(claimed?.throttleRate).toBe(7);
  });
});
