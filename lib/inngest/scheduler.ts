import { db } from "@/lib/db";
import type { DeliveryScheduler, ScheduledDelivery } from "@/lib/delivery/scheduler";
import { inngest } from "@/lib/inngest/client";
import { deliveryRequested, messageCreated } from "@/lib/inngest/events";

/**
 * Inngest cannot join our database transaction, so nothing is enqueued inside it: the delivery
 * rows themselves are the outbox (pending, with their due time). After the commit one
 * `message.created` event (fan-out) or one `delivery.requested` event per delivery is sent. If the
 * process dies in between, the sweep finds the overdue pending deliveries and requests them.
 * Retries are not scheduled here at all: the deliver function sleeps until the next attempt.
 */
export const inngestScheduler: DeliveryScheduler = {
  async schedule() {},
  async afterCommit(deliveries: ScheduledDelivery[], context?: { messageId?: string }) {
    if (deliveries.length === 0) return;
    if (context?.messageId) {
      await inngest.send(messageCreated.create({ messageId: context.messageId }));
      return;
    }
    const endpoints = await db.delivery.findMany({
      where: { id: { in: deliveries.map((d) => d.deliveryId) } },
      select: { id: true, endpointId: true },
    });
    const endpointOf = new Map(endpoints.map((d) => [d.id, d.endpointId]));
    await inngest.send(
      deliveries.map((d) =>
        deliveryRequested.create({
          deliveryId: d.deliveryId,
          endpointId: endpointOf.get(d.deliveryId) ?? "",
          trigger: d.trigger ?? "scheduled",
        }),
      ),
    );
  },
};
