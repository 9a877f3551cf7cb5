import { db } from "@/lib/db";

export interface ClaimedDelivery {
  id: string;
  tenantId: string;
  applicationId: string;
  messageId: string;
  endpointId: string;
  attemptCount: number;
  eventType: string;
  messageCreatedAt: Date;
  /** The payload as JSON text; null once expunged. */
  payload: string | null;
  url: string;
  headers: Record<string, string>;
  timeoutMs: number;
  disabled: boolean;
  /** Encrypted secrets that sign now, newest first. */
  secrets: string[];
  /** Messages per second for this endpoint (its own, else its application's); null = unlimited. */
  throttleRate: number | null;
  /** A rate-limit slot the delivery already holds. */
  reservedSlotAt: Date | null;
  /** The event type asks for thin payloads (a re-fetch reference instead of the content). */
  thin: boolean;
  /** Batching: at most this many messages per POST (null = off), waiting at most batchMaxWaitMs. */
  batchMaxSize: number | null;
  batchMaxWaitMs: number;
}

/**
 * Marks the delivery `sending` and loads all an attempt needs, in one statement. Only a pending
 * delivery, or one left `sending` by a worker that died (past its timeout plus `orphanGraceMs`),
 * can be claimed, so a duplicate job for the same delivery finds nothing to do.
 */
export async function claimDelivery(
  deliveryId: string,
  now: Date,
  orphanGraceMs: number,
): Promise<ClaimedDelivery | null> {
  const rows = await db.$queryRaw<ClaimedDelivery[]>`
    WITH claimed AS (
      UPDATE "Delivery" d SET status = 'sending', "lastAttemptAt" = ${now}, "updatedAt" = ${now}
        FROM "Endpoint" e
       WHERE d.id = ${deliveryId} AND e.id = d."endpointId"
         AND (d.status = 'pending'
              OR (d.status = 'sending' AND d."lastAttemptAt" < ${now}::timestamptz
                  - make_interval(secs => (e."timeoutMs" + ${orphanGraceMs}) / 1000.0)))
      RETURNING d.id, d."tenantId", d."applicationId", d."messageId", d."endpointId", d."attemptCount", d."reservedSlotAt"
    )
    SELECT c.*, m."eventType", COALESCE(et."thinPayload", false) AS thin, m."createdAt" AS "messageCreatedAt", m.payload::text AS payload,
           e.url, e.headers, e."timeoutMs", e.disabled, e."batchMaxSize", e."batchMaxWaitMs", COALESCE(e."throttleRate", a."throttleRate") AS "throttleRate",
           COALESCE((SELECT array_agg(s.encrypted ORDER BY s."createdAt" DESC) FROM "EndpointSecret" s
                      WHERE s."endpointId" = e.id AND (s."expiresAt" IS NULL OR s."expiresAt" > ${now})), '{}') AS secrets
      FROM claimed c
      JOIN "Message" m ON m.id = c."messageId"
      JOIN "Endpoint" e ON e.id = c."endpointId"
      JOIN "Application" a ON a.id = c."applicationId"
      LEFT JOIN "EventType" et ON et."tenantId" = c."tenantId" AND et.name = m."eventType"`;
  return rows[0] ?? null;
}
