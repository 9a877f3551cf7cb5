import { ApiError, conflict, notFound } from "@/lib/api/errors";
import { db } from "@/lib/db";
import type { DeliveryScheduler, Tx } from "@/lib/delivery/scheduler";
import { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import type { MessageIn } from "@/lib/schemas/message";

export interface CreateMessageOptions {
  scheduler: DeliveryScheduler;
  maxPayloadBytes: number;
  /** Deliver only to this endpoint (send-example). */
  onlyEndpointId?: string;
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
  pending: string[];
}

/**
 * Accepts a message: the message, one delivery per listening endpoint (fan-out) and the jobs that
 * will deliver them are written in one transaction, so once this returns the message cannot be
 * lost. The application lookup, the message and the fan-out are one SQL statement (this is the
 * API's hottest path). An endpoint listens when its event-type filter is empty or names the type
 * and its channels are empty or share one with the message; disabled endpoints get a parked
 * delivery (not lost; `recover` sends it later). A payload over the limit is a 413; an `eventId`
 * already used in the application is a 409.
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
  try {
    const { row, scheduled } = await db.$transaction(async (tx) => {
      const row = await insertMessage(tx, tenantId, appIdOrUid, input, now, options.onlyEndpointId ?? null);
      if (!row) throw notFound("Application");
      const scheduled = row.pending.map((deliveryId) => ({ deliveryId, runAt: now }));
      await options.scheduler.schedule(tx, scheduled);
      return { row, scheduled };
    });
    await options.scheduler.afterCommit?.(scheduled, { messageId: row.id });
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
 * application is not found. Internal (operational) applications are only found by their uid.
 */
export async function insertMessage(
  tx: Tx,
  tenantId: string,
  appIdOrUid: string,
  input: MessageIn,
  now: Date,
  only: string | null,
): Promise<Row | null> {
  const id = newId("msg", now.getTime());
  const channels = input.channels ?? [];
  const payload = JSON.stringify(input.payload);
  const rows = await tx.$queryRaw<Row[]>`
        WITH app AS (
          SELECT id FROM "Application"
           WHERE "tenantId" = ${tenantId} AND (id = ${appIdOrUid} OR uid = ${appIdOrUid})
             AND (NOT internal OR uid = ${appIdOrUid})
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
          RETURNING id, status
        )
        SELECT msg.id, msg."eventType", msg."eventId", msg.payload, msg.channels, msg.tags, msg."createdAt",
               COALESCE((SELECT array_agg(id) FROM dlv WHERE status = 'pending'), '{}') AS pending
          FROM msg`;
  return rows[0] ?? null;
}

// Raw queries report PostgreSQL's own code (23505 = unique_violation).
function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  return (
    error.code === "P2002" || (error.code === "P2010" && JSON.stringify(error.meta ?? {}).includes("23505"))
  );
}
