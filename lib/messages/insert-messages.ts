import type { IdempotencyClaim } from "@/lib/api/idempotency";
import type { RunSql } from "@/lib/jobs/delivery-request";

export interface MessageRow {
  id: string;
  tenantId: string;
  /** The application's id or uid as the caller gave it (internal applications: their id). */
  appRef: string;
  eventType: string;
  eventId: string | null;
  /** The payload as JSON text (already checked storable and within the size limit). */
  payload: string;
  /** A non-JSON body sent as is, with its content type (`payload` is then `{}`). */
  rawPayload?: string | null;
  contentType?: string | null;
  /** Held until then (scheduled); null: due at once. */
  deliverAt?: Date | null;
  /** The message's own payload retention, in hours; null: the tenant's. */
  retentionHours?: number | null;
  channels: string[];
  tags: string[];
  createdAt: Date;
  /** Deliver only to this endpoint (send-example). */
  onlyEndpointId?: string | null;
  /** Recorded with the message, in the same statement (see lib/api/idempotency.ts). */
  idempotency?: IdempotencyClaim | null;
  /** W3C traceparent of the enqueue span (tracing on), for the attempts' spans. */
  traceParent?: string | null;
}

export interface InsertedMessage {
  id: string;
  /** The application was found (else nothing was written). */
  appFound: boolean;
  /** The message was written (false: its eventId is taken, or its Idempotency-Key is). */
  accepted: boolean;
  /** Its Idempotency-Key already belongs to another request: answer from that one. */
  keyTaken: boolean;
  /** The deliveries due now (not those parked at a disabled endpoint). */
  pending: { deliveryId: string; endpointId: string }[];
}

// Messages, their Idempotency-Keys and their fan-out, any number in one statement: the key is
// written first (ON CONFLICT: a twin request's key, committed or not, wins and this message is not
// written), then the message (ON CONFLICT on (application, eventId): a taken eventId is a 409),
// then one delivery per listening endpoint. The text never changes, so it is prepared once per
// connection. Customer applications are found by id or uid; internal ones only by id.
const INSERT_MESSAGES = `
WITH input AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                       $8::text[], $9::text[], $10::text[], $11::text[], $12::timestamptz[],
                       $14::text[], $15::text[], $16::timestamptz[], $17::int[], $18::text[])
    AS i(id, tenant, app_ref, event_type, event_id, payload, channels, tags, only_endpoint, idem_key, idem_fp, created_at,
         raw_payload, content_type, deliver_at, retention_hours, trace_parent)
), app AS (
  SELECT DISTINCT ON (i.id) i.id AS msg_id, a.id AS app_id
    FROM input i JOIN "Application" a ON a."tenantId" = i.tenant AND a.internal = $13::boolean
         AND (a.id = i.app_ref OR (a.uid = i.app_ref AND NOT $13::boolean))
   ORDER BY i.id, (a.id = i.app_ref) DESC
), keyed AS (
  INSERT INTO "IdempotencyKey" ("tenantId", "key", "fingerprint", "status", "replayRef", "createdAt")
  SELECT i.tenant, i.idem_key, i.idem_fp, 202, i.id, now() FROM input i JOIN app ON app.msg_id = i.id
   WHERE i.idem_key IS NOT NULL
  ON CONFLICT ("tenantId", "key") DO UPDATE
    SET "fingerprint" = EXCLUDED."fingerprint", "status" = EXCLUDED."status", "body" = NULL,
        "replayRef" = EXCLUDED."replayRef", "createdAt" = now()
    WHERE "IdempotencyKey"."createdAt" < now() - interval '24 hours'
  RETURNING "replayRef"
), msg AS (
  INSERT INTO "Message" (id, "tenantId", "applicationId", "eventType", "eventId", payload, channels, tags, "createdAt",
                         "rawPayload", "contentType", "deliverAt", "payloadRetentionHours", "traceParent")
  SELECT i.id, i.tenant, app.app_id, i.event_type, i.event_id, i.payload::jsonb,
         ARRAY(SELECT jsonb_array_elements_text(i.channels::jsonb)),
         ARRAY(SELECT jsonb_array_elements_text(i.tags::jsonb)), i.created_at,
         i.raw_payload, i.content_type, i.deliver_at, i.retention_hours, i.trace_parent
    FROM input i JOIN app ON app.msg_id = i.id
   WHERE i.idem_key IS NULL OR i.id IN (SELECT "replayRef" FROM keyed)
  ON CONFLICT ("applicationId", "eventId") DO NOTHING
  RETURNING id, "tenantId", "applicationId", "eventType", channels, "createdAt", "deliverAt"
), dlv AS (
  INSERT INTO "Delivery" (id, "tenantId", "applicationId", "messageId", "endpointId", status, "nextAttemptAt", "createdAt", "updatedAt")
  SELECT 'dlv_' || substr(msg.id, 5) || '_' || substr(e.id, 4), msg."tenantId", msg."applicationId", msg.id, e.id,
         CASE WHEN e.disabled THEN 'parked'::"DeliveryStatus" ELSE 'pending'::"DeliveryStatus" END,
         CASE WHEN e.disabled THEN NULL ELSE COALESCE(msg."deliverAt", msg."createdAt") END, msg."createdAt", msg."createdAt"
    FROM msg JOIN input i ON i.id = msg.id
    JOIN "Endpoint" e ON e."applicationId" = msg."applicationId" AND e."tenantId" = msg."tenantId"
   WHERE NOT e.polling
     AND (cardinality(e."eventTypes") = 0 OR msg."eventType" = ANY(e."eventTypes"))
     AND (cardinality(e.channels) = 0 OR e.channels && msg.channels)
     AND (i.only_endpoint IS NULL OR e.id = i.only_endpoint)
  RETURNING id, "messageId", "endpointId", status
)
SELECT i.id, app.app_id IS NOT NULL AS "appFound", msg.id IS NOT NULL AS accepted,
       (i.idem_key IS NOT NULL AND app.app_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM keyed k WHERE k."replayRef" = i.id)) AS "keyTaken",
       COALESCE((SELECT json_agg(json_build_object('deliveryId', d.id, 'endpointId', d."endpointId"))
                   FROM dlv d WHERE d."messageId" = i.id AND d.status = 'pending'), '[]') AS pending
  FROM input i LEFT JOIN app ON app.msg_id = i.id LEFT JOIN msg ON msg.id = i.id`;

/**
 * Writes messages with their fan-out (and Idempotency-Keys) in the caller's transaction, in one
 * statement whatever their number; says for each what happened. A key left without its message
 * (the eventId was taken) is removed again, so the key never points at nothing.
 */
export async function insertMessages(
  sql: RunSql,
  rows: MessageRow[],
  options: { internal?: boolean } = {},
): Promise<InsertedMessage[]> {
  const column = <T>(pick: (r: MessageRow) => T) => rows.map(pick);
  const result = await sql<InsertedMessage>(
    INSERT_MESSAGES,
    [
      column((r) => r.id),
      column((r) => r.tenantId),
      column((r) => r.appRef),
      column((r) => r.eventType),
      column((r) => r.eventId),
      column((r) => r.payload),
      column((r) => JSON.stringify(r.channels)),
      column((r) => JSON.stringify(r.tags)),
      column((r) => r.onlyEndpointId ?? null),
      column((r) => r.idempotency?.key ?? null),
      column((r) => r.idempotency?.fingerprint ?? null),
      column((r) => r.createdAt.toISOString()),
      options.internal ?? false,
      column((r) => r.rawPayload ?? null),
      column((r) => r.contentType ?? null),
      column((r) => r.deliverAt?.toISOString() ?? null),
      column((r) => r.retentionHours ?? null),
      column((r) => r.traceParent ?? null),
    ],
    "hookline_insert_messages",
  );
  const orphanKeys = rows.filter((r) => {
    const inserted = result.find((x) => x.id === r.id);
    return r.idempotency && inserted && inserted.appFound && !inserted.accepted && !inserted.keyTaken;
  });
  if (orphanKeys.length > 0) {
    await sql(
      `DELETE FROM "IdempotencyKey" k USING unnest($1::text[], $2::text[], $3::text[]) AS o(tenant, key, ref)
        WHERE k."tenantId" = o.tenant AND k."key" = o.key AND k."replayRef" = o.ref`,
      [
        orphanKeys.map((r) => r.tenantId),
        orphanKeys.map((r) => r.idempotency!.key),
        orphanKeys.map((r) => r.id),
      ],
    );
  }
  return result;
}
