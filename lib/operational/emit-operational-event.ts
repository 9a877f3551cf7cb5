import { newId } from "@/lib/ids";
import type { Enqueue, Tx } from "@/lib/jobs/delivery-request";
import { prismaSql } from "@/lib/jobs/with-deliveries";
import { insertMessages } from "@/lib/messages/insert-messages";
import { findOperationalApp } from "@/lib/operational/operational-app";

export const OPERATIONAL_EVENT_TYPES = [
  "endpoint.created",
  "endpoint.updated",
  "endpoint.deleted",
  "endpoint.disabled",
  "message.attempt.failing",
  "message.attempt.exhausted",
  "message.attempt.recovered",
] as const;
export type OperationalEventType = (typeof OPERATIONAL_EVENT_TYPES)[number];

/**
 * Records an operational event for the tenant and, when the tenant has operational-webhook
 * endpoints, sends it to them as a message of the tenant's operational application: signed,
 * retried and logged by the same engine as every other message, in the caller's transaction.
 * Events about the operational application itself are never emitted (no loops).
 */
export async function emitOperationalEvent(
  tx: Tx,
  enqueue: Enqueue,
  event: {
    tenantId: string;
    applicationId: string;
    type: OperationalEventType;
    data: Record<string, unknown>;
    now?: Date;
  },
): Promise<void> {
  const now = event.now ?? new Date();
  const operationalAppId = await findOperationalApp(tx, event.tenantId);
  if (operationalAppId && operationalAppId === event.applicationId) return;
  await tx.operationalEvent.create({
    data: {
      id: newId("opev", now.getTime()),
      tenantId: event.tenantId,
      type: event.type,
      payload: event.data as object,
      createdAt: now,
    },
  });
  if (!operationalAppId) return;
  const [row] = await insertMessages(
    prismaSql(tx),
    [
      {
        id: newId("msg", now.getTime()),
        tenantId: event.tenantId,
        appRef: operationalAppId,
        eventType: event.type,
        eventId: null,
        payload: JSON.stringify({ type: event.type, timestamp: now.toISOString(), data: event.data }),
        channels: [],
        tags: [],
        createdAt: now,
      },
    ],
    { internal: true },
  );
  if (row) enqueue(row.pending.map((d) => ({ ...d, runAt: now })));
}
