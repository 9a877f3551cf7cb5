import { ApiError, conflict, notFound } from "@/lib/api/errors";
import { type IdempotencyClaim, recordIdempotencyKey } from "@/lib/api/idempotency";
import { isUniqueViolation } from "@/lib/db/database-errors";
import { newId } from "@/lib/ids";
import type { Tx } from "@/lib/jobs/delivery-request";
import { withDeliveries } from "@/lib/jobs/with-deliveries";
import type { MessageIn } from "@/lib/schemas/message";

export interface CreateMessageOptions {
  maxPayloadBytes: number;
  /** Deliver only to this endpoint (send-example). */
  onlyEndpointId?: string;
  /** The request's Idempotency-Key, recorded in the message's own transaction. */
  idempotency?: IdempotencyClaim | null;
  now?: Date;
}

interface Row {
  id: string;
  eventType: string;
  eventId: string | null;
  payload: unknown;
  channels: string[];
  tags: string[];
  createdAt: Date;
  /** The deliveries that are due now (not those parked at a disabled endpoint). */
  pending: { deliveryId: string; endpointId: string }[];
}

/**
 * Accepts a message: the message, one delivery per listening endpoint (fan-out) and the jobs that
 * will deliver them are written in one transaction, so once this returns the message cannot be
 * lost. The application lookup, the message and the fan-out are one SQL statement (this is the
 * API's hottest path). An endpoint listens when its event-type filter is empty or names the type
 * and its channels are empty or share one with the message; disabled endpoints get a parked
 * delivery (not lost; `recover` sends it later). A payload over the limit is a 413; an `eventId`
 * already used in the application is a 409. With an Idempotency-Key, the key is recorded in the
 * same transaction, so a crash leaves either both or neither.
 */
export async function createMessage(
  tenantId: string,
  appIdOrUid: string,
  input: MessageIn,
  options: CreateMessageOptions,
) {
  const payloadBytes = Buffer.byteLength(JSON.stringify(input.payload));
  if (payloadBytes > options.maxPayloadBytes) {
    throw new ApiError(
      413,
      "payload_too_large",
      `Payload is ${payloadBytes} bytes; the limit is ${options.maxPayloadBytes}`,
    );
  }
  const now = options.now ?? new Date();
  const id = newId("msg", now.getTime());
  try {
    const row = await withDeliveries(async (tx, enqueue) => {
      if (options.idempotency) await recordIdempotencyKey(tx, options.idempotency, { status: 202, ref: id });
      const row = await insertMessage(tx, tenantId, appIdOrUid, input, now, {
        id,
        onlyEndpointId: options.onlyEndpointId,
      });
      if (!row) throw notFound("Application");
      enqueue(row.pending.map((d) => ({ ...d, runAt: now })));
      return row;
    });
    const { pending, ...message } = row;
    return { message: { ...message, expungedAt: null }, deliveries: pending.length };
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict(`A message with eventId '${input.eventId}' already exists in this application`);
    throw error;
  }
}

/**
 * The message and its fan-out as one statement, in the caller's transaction; null when the
 * application is not found. Customers' applications are found by id or uid; the internal
 * (operational) application only with `internal`, by its id.
 */
export async function insertMessage(
  tx: Tx,
  tenantId: string,
  appIdOrUid: string,
  input: MessageIn,
  now: Date,
  options: { id?: string; internal?: boolean; onlyEndpointId?: string | null } = {},
): Promise<Row | null> {
  const id = options.id ?? newId("msg", now.getTime());
  const channels = input.channels ?? [];
  const payload = JSON.stringify(input.payload);
  const internal = options.internal ?? false;
  const only = options.onlyEndpointId ?? null;
  const rows = await tx.$queryRaw<Row[]>`
        WITH app AS (
          SELECT id FROM "Application"
           WHERE "tenantId" = ${tenantId} AND internal = ${internal}
             AND (id = ${appIdOrUid} OR (uid = ${appIdOrUid} AND NOT ${internal}))
           ORDER BY (id = ${appIdOrUid}) DESC LIMIT 1
        ), msg AS (
          INSERT INTO "Message" (id, "tenantId", "applicationId", "eventType", "eventId", payload, channels, tags, "createdAt")
          SELECT ${id}, ${tenantId}, app.id, ${input.eventType}, ${input.eventId ?? null}, ${payload}::jsonb,
                 ${channels}::text[], ${input.tags ?? []}::text[], ${now}
            FROM app
          RETURNING *
        ), dlv AS (
          INSERT INTO "Delivery" (id, "tenantId", "applicationId", "messageId", "endpointId", status, "nextAttemptAt", "createdAt", "updatedAt")
          SELECT 'dlv_' || substr(msg.id, 5) || '_' || substr(e.id, 4), msg."tenantId", msg."applicationId", msg.id, e.id,
                 CASE WHEN e.disabled THEN 'parked'::"DeliveryStatus" ELSE 'pending'::"DeliveryStatus" END,
                 CASE WHEN e.disabled THEN NULL ELSE msg."createdAt" END, msg."createdAt", msg."createdAt"
            FROM msg JOIN "Endpoint" e ON e."applicationId" = msg."applicationId" AND e."tenantId" = msg."tenantId"
           WHERE (cardinality(e."eventTypes") = 0 OR msg."eventType" = ANY(e."eventTypes"))
             AND (cardinality(e.channels) = 0 OR e.channels && msg.channels)
             AND (${only}::text IS NULL OR e.id = ${only})
          RETURNING id, "endpointId", status
        )
        SELECT msg.id, msg."eventType", msg."eventId", msg.payload, msg.channels, msg.tags, msg."createdAt",
               COALESCE((SELECT json_agg(json_build_object('deliveryId', id, 'endpointId', "endpointId"))
                           FROM dlv WHERE status = 'pending'), '[]') AS pending
          FROM msg`;
  return rows[0] ?? null;
}
