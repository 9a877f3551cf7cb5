import type { ClaimedDelivery } from "@/lib/delivery/claim-delivery";
import type { AttemptRow } from "@/lib/delivery/record-success";
import type { Enqueue, Tx } from "@/lib/jobs/delivery-request";
import { emitOperationalEvent, type OperationalEventType } from "@/lib/operational/emit-operational-event";

/** The message.attempt.* operational events, in Svix's shape. */
export async function emitAttemptEvent(
  tx: Tx,
  enqueue: Enqueue,
  type: Extract<OperationalEventType, `message.attempt.${string}`>,
  delivery: ClaimedDelivery,
  attempt: AttemptRow,
): Promise<void> {
  const ids = await tx.message.findUnique({
    where: { id: delivery.messageId },
    select: { eventId: true, application: { select: { uid: true } } },
  });
  await emitOperationalEvent(tx, enqueue, {
    tenantId: delivery.tenantId,
    applicationId: delivery.applicationId,
    type,
    now: attempt.createdAt,
    data: {
      appId: delivery.applicationId,
      appUid: ids?.application.uid ?? null,
      endpointId: delivery.endpointId,
      msgId: delivery.messageId,
      msgEventId: ids?.eventId ?? null,
      lastAttempt: {
        id: attempt.id,
        timestamp: attempt.createdAt.toISOString(),
        responseStatusCode: attempt.responseStatusCode,
      },
    },
  });
}
