import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { tenantOverview } from "@/lib/tenants/tenant-overview";
import { tenantVolume, VOLUME_BUCKET_MS } from "@/lib/tenants/tenant-volume";
import { startDeliveryStack } from "../support/delivery-stack";
import { startReceiver, waitUntil } from "../support/receiver";

let stack: Awaited<ReturnType<typeof startDeliveryStack>>;
beforeAll(async () => {
  stack = await startDeliveryStack({ ENDPOINT_DISABLE_AFTER: "1h" });
  await stack.svix.eventType.create({ name: "stat.tick", description: "" });
});
afterAll(() => stack.close());

describe("dashboard figures", () => {
  it("counts messages and deliveries per window, failing and disabled endpoints and the dead-letter queue", async () => {
    const ok = await startReceiver();
    const bad = await startReceiver(() => ({ status: 500 }));
    const app = await stack.svix.application.create({ name: "Stats" });
    await stack.svix.endpoint.create(app.id, { url: ok.url });
    const failing = await stack.svix.endpoint.create(app.id, { url: bad.url });
    const off = await stack.svix.endpoint.create(app.id, { url: "https://example.com/off", disabled: true });
    await stack.svix.operationalWebhook.endpoint.create({ url: "https://example.com/ops" });
    const m1 = await stack.svix.message.create(app.id, { eventType: "stat.tick", payload: {} });
    await stack.svix.message.create(app.id, { eventType: "stat.tick", payload: {} });
    await waitUntil(
      async () => (await db.delivery.count({ where: { endpointId: failing.id, status: "failed" } })) === 2,
      20_000,
    );
    // One message is ten days old: in neither window.
    await db.message.update({
      where: { id: m1.id },
      data: { createdAt: new Date(Date.now() - 10 * 86_400_000) },
    });
    await db.delivery.updateMany({
      where: { messageId: m1.id },
      data: { createdAt: new Date(Date.now() - 10 * 86_400_000) },
    });

    const o = await tenantOverview(stack.tenant.tenantId);
    expect(o.day).toEqual({ messages: 1, succeeded: 1, failed: 1, pending: 0, parked: 1 });
    expect(o.week).toEqual(o.day);
    expect(o.deadLetters).toBe(2);
    expect(o.failing.map((e) => e.id)).toEqual([failing.id]);
    expect(o.disabled.map((e) => e.id)).toEqual([off.id]);
    expect(o.applications).toBe(1);
    expect(o.endpoints).toBe(3);

    // The volume chart: 7 days in 3-hour buckets, this tenant's messages (not its operational
    // webhooks, not the ten-day-old one) and failed attempts, each in the bucket it happened in.
    const volume = await tenantVolume(stack.tenant.tenantId);
    expect(volume.buckets).toHaveLength(56);
    expect(volume.buckets.reduce((n, b) => n + b.messages, 0)).toBe(1);
    const failedAttempts = await db.messageAttempt.count({
      where: {
        tenantId: stack.tenant.tenantId,
        outcome: "failure",
        createdAt: { gte: new Date(volume.from) },
      },
    });
    expect(volume.buckets.reduce((n, b) => n + b.failedAttempts, 0)).toBe(failedAttempts);
    const last = volume.buckets.at(-1)!;
    expect(last.at + VOLUME_BUCKET_MS).toBe(volume.to);
    expect(last.at).toBeLessThanOrEqual(Date.now());
    await ok.close();
    await bad.close();
  });
});
