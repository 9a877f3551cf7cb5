import { pgPool } from "@/lib/db";
import { groupCommit } from "@/lib/db/group-commit";

export interface ClaimedDelivery {
  id: string;
  tenantId: string;
  applicationId: string;
  messageId: string;
  endpointId: string;
  attemptCount: number;
  eventType: string;
  messageCreatedAt: Date;
  /** The body as stored: JSON text, or a raw payload as given; null once expunged. */
  payload: string | null;
  /** The message's W3C traceparent when it was accepted with tracing on. */
  traceParent: string | null;
  /** A raw payload's content type; null for JSON. */
  contentType: string | null;
  /** The tenant also wants Svix's header names (svix-id, svix-timestamp, svix-signature). */
  svixHeaders: boolean;
  /** The endpoint's transformation code when it is enabled (null otherwise), and its variables. */
  transformation: string | null;
  transformationVariables: Record<string, string> | null;
  url: string;
  /** The custom headers as stored (sealed: see lib/endpoints/header-box.ts). */
  headers: unknown;
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

// Claims any number of deliveries in one statement: each row brings its own claim time and
// orphan grace, and everything an attempt needs comes back with it. Lists travel as JSON both
// ways (JSON.stringify and JSON.parse are native; pg quotes and parses arrays element by element).
const CLAIM_DELIVERIES = `
WITH c AS (
  SELECT * FROM json_to_recordset($1::json) AS c(id text, at timestamptz, grace int)
), claimed AS (
  UPDATE "Delivery" d SET status = 'sending', "lastAttemptAt" = c.at, "updatedAt" = c.at
    FROM c, "Endpoint" e
   WHERE d.id = c.id AND e.id = d."endpointId"
     AND (d.status = 'pending'
          OR (d.status = 'sending' AND d."lastAttemptAt" < c.at - make_interval(secs => (e."timeoutMs" + c.grace) / 1000.0)))
  RETURNING d.id, d."tenantId", d."applicationId", d."messageId", d."endpointId", d."attemptCount", d."reservedSlotAt", c.at
)
SELECT cl.id, cl."tenantId", cl."applicationId", cl."messageId", cl."endpointId", cl."attemptCount", cl."reservedSlotAt",
       m."eventType", COALESCE(et."thinPayload", false) AS thin, m."createdAt" AS "messageCreatedAt",
       COALESCE(m."rawPayload", m.payload::text) AS payload, m."contentType", m."traceParent",
       e.url, e.headers, e."timeoutMs", e.disabled, e."batchMaxSize", e."batchMaxWaitMs",
       COALESCE(e."throttleRate", a."throttleRate") AS "throttleRate", t."svixHeaders",
       CASE WHEN e."transformationEnabled" THEN e."transformationCode" END AS transformation,
       CASE WHEN e."transformationEnabled" THEN e."transformationVariables" END AS "transformationVariables",
       COALESCE((SELECT json_agg(s.encrypted ORDER BY s."createdAt" DESC) FROM "EndpointSecret" s
                  WHERE s."endpointId" = e.id AND (s."expiresAt" IS NULL OR s."expiresAt" > cl.at)), '[]') AS secrets
  FROM claimed cl
  JOIN "Message" m ON m.id = cl."messageId"
  JOIN "Endpoint" e ON e.id = cl."endpointId"
  JOIN "Application" a ON a.id = cl."applicationId"
  JOIN "Tenant" t ON t.id = cl."tenantId"
  LEFT JOIN "EventType" et ON et."tenantId" = cl."tenantId" AND et.name = m."eventType"`;

interface ClaimRequest {
  id: string;
  at: Date;
  graceMs: number;
}

const claimTogether = groupCommit(
  async (requests: ClaimRequest[]): Promise<(ClaimedDelivery | null)[]> => {
    // A delivery asked for twice at once is claimed once: the first asker gets it.
    const first = new Map<string, ClaimRequest>();
    for (const r of requests) if (!first.has(r.id)) first.set(r.id, r);
    const unique = [...first.values()];
    const { rows } = await pgPool().query<ClaimedDelivery>({
      name: "hookline_claim_deliveries",
      text: CLAIM_DELIVERIES,
      values: [JSON.stringify(unique.map((r) => ({ id: r.id, at: r.at, grace: r.graceMs })))],
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return requests.map((r) => (first.get(r.id) === r ? (byId.get(r.id) ?? null) : null));
  },
  { maxItems: 500, maxParallel: 4 },
);

/**
 * Marks the delivery `sending` and loads all an attempt needs. Only a pending delivery, or one
 * left `sending` by a worker that died (past its timeout plus `orphanGraceMs`), can be claimed, so
 * a duplicate job for the same delivery finds nothing to do. Concurrent claims share one statement.
 */
export function claimDelivery(
  deliveryId: string,
  now: Date,
  orphanGraceMs: number,
): Promise<ClaimedDelivery | null> {
  return claimTogether({ id: deliveryId, at: now, graceMs: orphanGraceMs });
}
