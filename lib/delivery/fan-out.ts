import type { ScheduledDelivery, Tx } from "@/lib/delivery/scheduler";
import { newId } from "@/lib/ids";

export interface FanOutMessage {
  id: string;
  tenantId: string;
  applicationId: string;
  eventType: string;
  channels: string[];
}

/**
 * Creates one delivery per endpoint of the application that listens to this message: its
 * event-type filter is empty or names the type, and its channels are empty or share one with the
 * message. Enabled endpoints get a pending delivery due now; disabled ones a parked delivery, so
 * the message is not lost for them and `recover` can send it later. Returns the pending ones.
 */
export async function fanOut(
  tx: Tx,
  message: FanOutMessage,
  now: Date,
  onlyEndpointId?: string,
): Promise<ScheduledDelivery[]> {
  const endpoints = await tx.endpoint.findMany({
    where: {
      tenantId: message.tenantId,
      applicationId: message.applicationId,
      ...(onlyEndpointId ? { id: onlyEndpointId } : {}),
      OR: [{ eventTypes: { isEmpty: true } }, { eventTypes: { has: message.eventType } }],
      AND: [{ OR: [{ channels: { isEmpty: true } }, { channels: { hasSome: message.channels } }] }],
    },
    select: { id: true, disabled: true },
  });
  if (endpoints.length === 0) return [];
  const rows = endpoints.map((e) => ({
    id: newId("dlv", now.getTime()),
    tenantId: message.tenantId,
    applicationId: message.applicationId,
    messageId: message.id,
    endpointId: e.id,
    status: e.disabled ? ("parked" as const) : ("pending" as const),
    nextAttemptAt: e.disabled ? null : now,
    createdAt: now,
  }));
  await tx.delivery.createMany({ data: rows });
  return rows.filter((r) => r.status === "pending").map((r) => ({ deliveryId: r.id, runAt: now }));
}
