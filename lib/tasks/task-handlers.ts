import type { Enqueue, Tx } from "@/lib/jobs/delivery-request";
import { deliveryStatusesFor } from "@/lib/messages/delivery-status";

/** What one step of a task gets: its transaction, its request, its cursor and its data so far. */
export interface TaskStepContext {
  tx: Tx;
  enqueue: Enqueue;
  now: Date;
  tenantId: string;
  params: Record<string, unknown>;
  state: Record<string, unknown>;
  data: Record<string, unknown>;
}
export interface TaskStepResult {
  state: Record<string, unknown>;
  data: Record<string, unknown>;
  done: boolean;
}
type Handler = (ctx: TaskStepContext) => Promise<TaskStepResult>;

/** Rows one step handles at most: a step is one short transaction, so one task cannot hold a worker. */
export const TASK_BATCH = 1000;

/** The greatest of some ids (the step's cursor: RETURNING gives no order). */
const greatest = (ids: string[]) => [...ids].sort().at(-1) ?? "";
const date = (v: unknown): Date | null => (typeof v === "string" ? new Date(v) : null);
const count = (data: Record<string, unknown>, key: string) => Number(data[key] ?? 0);

/** A (createdAt, id) cursor over messages, so each step starts where the last one ended, by index. */
interface Cursor {
  at: string;
  id: string;
}
const cursorOf = (state: Record<string, unknown>) => (state.cursor as Cursor | undefined) ?? null;

/**
 * The end of a step that made deliveries pending again (recover, bulk-replay): their jobs, the
 * cursor past the greatest id, the running count under `counter`; done when the batch was short.
 */
function sentAgain(
  rows: { id: string }[],
  counter: string,
  ctx: Pick<TaskStepContext, "enqueue" | "now" | "state" | "data"> & { endpointId: string },
): TaskStepResult {
  ctx.enqueue(
    rows.map((r) => ({
      deliveryId: r.id,
      endpointId: ctx.endpointId,
      runAt: ctx.now,
      trigger: "manual" as const,
    })),
  );
  return {
    state: { after: greatest([(ctx.state.after as string) ?? "", ...rows.map((r) => r.id)]) },
    data: { ...ctx.data, [counter]: count(ctx.data, counter) + rows.length },
    done: rows.length < TASK_BATCH,
  };
}

/**
 * `recover`: the endpoint's failed and parked deliveries whose message is in [since, until) are
 * sent again with a fresh retry schedule. Expunged messages are left (there is nothing to send).
 */
const recover: Handler = async ({ tx, enqueue, now, tenantId, params, state, data }) => {
  const endpointId = String(params.endpointId);
  const rows = await tx.$queryRaw<{ id: string }[]>`
    WITH picked AS (
      SELECT d.id FROM "Delivery" d JOIN "Message" m ON m.id = d."messageId"
       WHERE d."tenantId" = ${tenantId} AND d."endpointId" = ${endpointId}
         AND d.status IN ('failed', 'parked') AND m."expungedAt" IS NULL
         AND m."createdAt" >= ${date(params.since)} AND (${date(params.until)}::timestamptz IS NULL OR m."createdAt" < ${date(params.until)})
         AND (${(state.after as string) ?? null}::text IS NULL OR d.id > ${(state.after as string) ?? null})
       ORDER BY d.id LIMIT ${TASK_BATCH}
       FOR UPDATE OF d SKIP LOCKED
    )
    UPDATE "Delivery" d SET status = 'pending', "nextAttemptAt" = ${now}, "attemptCount" = 0, "updatedAt" = ${now}
      FROM picked WHERE d.id = picked.id
    RETURNING d.id`;
  return sentAgain(rows, "recovered", { enqueue, now, endpointId, state, data });
};

/**
 * `replay-missing`: every message of the application in [since, until) that the endpoint's
 * filters take and that it never got (no delivery), e.g. for an endpoint created after an outage,
 * gets a delivery now. Scans the window by (createdAt, id) in batches.
 */
const replayMissing: Handler = async ({ tx, enqueue, now, tenantId, params, state, data }) => {
  const endpointId = String(params.endpointId);
  const cursor = cursorOf(state);
  const [row] = await tx.$queryRaw<
    { scanned: number; last_at: Date | null; last_id: string | null; pending: string[]; inserted: number }[]
  >`
    WITH scanned AS (
      SELECT m.id, m."createdAt" FROM "Message" m
       WHERE m."tenantId" = ${tenantId} AND m."applicationId" = ${String(params.applicationId)}
         AND m."createdAt" >= ${date(params.since)} AND (${date(params.until)}::timestamptz IS NULL OR m."createdAt" < ${date(params.until)})
         AND (${cursor?.at ?? null}::timestamptz IS NULL OR (m."createdAt", m.id) > (${cursor?.at ?? null}::timestamptz, ${cursor?.id ?? null}::text))
       ORDER BY m."createdAt", m.id LIMIT ${TASK_BATCH}
    ), ins AS (
      INSERT INTO "Delivery" (id, "tenantId", "applicationId", "messageId", "endpointId", status, "nextAttemptAt", "createdAt", "updatedAt")
      SELECT 'dlv_' || substr(m.id, 5) || '_' || substr(e.id, 4), e."tenantId", e."applicationId", m.id, e.id,
             CASE WHEN e.disabled THEN 'parked'::"DeliveryStatus" ELSE 'pending'::"DeliveryStatus" END,
             CASE WHEN e.disabled THEN NULL ELSE ${now}::timestamptz END, ${now}, ${now}
        FROM scanned s JOIN "Message" m ON m.id = s.id JOIN "Endpoint" e ON e.id = ${endpointId} AND e."tenantId" = ${tenantId}
       WHERE m."expungedAt" IS NULL AND NOT e.polling
         AND (cardinality(e."eventTypes") = 0 OR m."eventType" = ANY(e."eventTypes"))
         AND (cardinality(e.channels) = 0 OR e.channels && m.channels)
      ON CONFLICT ("messageId", "endpointId") DO NOTHING
      RETURNING id, status
    ), last AS (SELECT "createdAt", id FROM scanned ORDER BY "createdAt" DESC, id DESC LIMIT 1)
    SELECT (SELECT count(*) FROM scanned)::int AS scanned,
           (SELECT "createdAt" FROM last) AS last_at, (SELECT id FROM last) AS last_id,
           COALESCE((SELECT array_agg(id) FROM ins WHERE status = 'pending'), '{}') AS pending,
           (SELECT count(*) FROM ins)::int AS inserted`;
  const result = row!;
  enqueue(
    result.pending.map((deliveryId) => ({ deliveryId, endpointId, runAt: now, trigger: "manual" as const })),
  );
  return {
    state: result.last_id ? { cursor: { at: result.last_at!.toISOString(), id: result.last_id } } : state,
    data: {
      ...data,
      scanned: count(data, "scanned") + result.scanned,
      replayed: count(data, "replayed") + result.inserted,
    },
    done: result.scanned < TASK_BATCH,
  };
};

/**
 * `bulk-replay`: the endpoint's deliveries whose message is in [since, until) and matches the
 * filters (event types, channel, tag, Svix status, status-code class of the latest attempt) are
 * sent again. Deliveries already pending or sending are left to finish.
 */
const bulkReplay: Handler = async ({ tx, enqueue, now, tenantId, params, state, data }) => {
  const endpointId = String(params.endpointId);
  const eventTypes = (params.eventTypes as string[] | null) ?? null;
  const statuses =
    typeof params.status === "number"
      ? deliveryStatusesFor(params.status).filter((s) => s !== "pending" && s !== "sending")
      : null;
  const klass = typeof params.statusCodeClass === "number" ? params.statusCodeClass : null;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    WITH picked AS (
      SELECT d.id FROM "Delivery" d JOIN "Message" m ON m.id = d."messageId"
       WHERE d."tenantId" = ${tenantId} AND d."endpointId" = ${endpointId}
         AND d.status IN ('succeeded', 'failed', 'parked') AND m."expungedAt" IS NULL
         AND (${statuses}::text[] IS NULL OR d.status::text = ANY(${statuses}::text[]))
         AND m."createdAt" >= ${date(params.since)} AND (${date(params.until)}::timestamptz IS NULL OR m."createdAt" < ${date(params.until)})
         AND (${eventTypes}::text[] IS NULL OR m."eventType" = ANY(${eventTypes}::text[]))
         AND (${(params.channel as string) ?? null}::text IS NULL OR ${(params.channel as string) ?? null} = ANY(m.channels))
         AND (${(params.tag as string) ?? null}::text IS NULL OR ${(params.tag as string) ?? null} = ANY(m.tags))
         AND (${klass}::int IS NULL OR (
           SELECT CASE WHEN ${klass}::int = 0 THEN a."responseStatusCode" = 0
                       ELSE a."responseStatusCode" BETWEEN ${klass}::int AND ${klass}::int + 99 END
             FROM "MessageAttempt" a WHERE a."messageId" = d."messageId" AND a."endpointId" = d."endpointId"
            ORDER BY a."createdAt" DESC LIMIT 1))
         AND (${(state.after as string) ?? null}::text IS NULL OR d.id > ${(state.after as string) ?? null})
       ORDER BY d.id LIMIT ${TASK_BATCH}
       FOR UPDATE OF d SKIP LOCKED
    )
    UPDATE "Delivery" d SET status = 'pending', "nextAttemptAt" = ${now}, "attemptCount" = 0, "updatedAt" = ${now}
      FROM picked WHERE d.id = picked.id
    RETURNING d.id`;
  return sentAgain(rows, "replayed", { enqueue, now, endpointId, state, data });
};

/** `expunge-all-contents`: every payload of the application, and its attempts' response bodies. */
const purgeContent: Handler = async ({ tx, now, tenantId, params, state, data }) => {
  const cursor = cursorOf(state);
  const [row] = await tx.$queryRaw<
    { scanned: number; expunged: number; last_at: Date | null; last_id: string | null }[]
  >`
    WITH scanned AS (
      SELECT id, "createdAt", "expungedAt" FROM "Message"
       WHERE "tenantId" = ${tenantId} AND "applicationId" = ${String(params.applicationId)}
         AND (${cursor?.at ?? null}::timestamptz IS NULL OR ("createdAt", id) > (${cursor?.at ?? null}::timestamptz, ${cursor?.id ?? null}::text))
       ORDER BY "createdAt", id LIMIT ${TASK_BATCH}
       FOR UPDATE SKIP LOCKED
    ), msgs AS (
      UPDATE "Message" m SET payload = NULL, "rawPayload" = NULL, "expungedAt" = ${now}
        FROM scanned s WHERE m.id = s.id AND s."expungedAt" IS NULL
      RETURNING m.id
    ), atts AS (
      UPDATE "MessageAttempt" a SET response = NULL
        FROM scanned s WHERE a."messageId" = s.id AND a.response IS NOT NULL
      RETURNING a.id
    ), last AS (SELECT "createdAt", id FROM scanned ORDER BY "createdAt" DESC, id DESC LIMIT 1)
    SELECT (SELECT count(*) FROM scanned)::int AS scanned, (SELECT count(*) FROM msgs)::int AS expunged,
           (SELECT "createdAt" FROM last) AS last_at, (SELECT id FROM last) AS last_id,
           (SELECT count(*) FROM atts)::int AS attempts`;
  const result = row!;
  return {
    state: result.last_id ? { cursor: { at: result.last_at!.toISOString(), id: result.last_id } } : state,
    data: { ...data, expunged: count(data, "expunged") + result.expunged },
    done: result.scanned < TASK_BATCH,
  };
};

const APPS_PER_STEP = 50;

/**
 * `application.stats` (POST /stats/usage/app): per application, messages sent in [since, until)
 * and where their deliveries stand. 50 applications a step.
 */
const appStats: Handler = async ({ tx, tenantId, params, state, data }) => {
  const appIds = (params.appIds as string[] | null) ?? null;
  const after = (state.after as string) ?? null;
  const rows = await tx.$queryRaw<
    {
      id: string;
      uid: string | null;
      name: string;
      messages: number;
      destinations: number;
      succeeded: number;
      failed: number;
      pending: number;
    }[]
  >`
    SELECT a.id, a.uid, a.name,
           (SELECT count(*) FROM "Message" m WHERE m."applicationId" = a.id
               AND m."createdAt" >= ${date(params.since)} AND m."createdAt" < ${date(params.until)})::int AS messages,
           COALESCE(s.total, 0)::int AS destinations, COALESCE(s.succeeded, 0)::int AS succeeded,
           COALESCE(s.failed, 0)::int AS failed, COALESCE(s.pending, 0)::int AS pending
      FROM "Application" a
      LEFT JOIN LATERAL (
        SELECT count(*) AS total, count(*) FILTER (WHERE d.status = 'succeeded') AS succeeded,
               count(*) FILTER (WHERE d.status IN ('failed', 'parked')) AS failed,
               count(*) FILTER (WHERE d.status IN ('pending', 'sending')) AS pending
          FROM "Message" m JOIN "Delivery" d ON d."messageId" = m.id
         WHERE m."applicationId" = a.id AND m."createdAt" >= ${date(params.since)} AND m."createdAt" < ${date(params.until)}
      ) s ON true
     WHERE a."tenantId" = ${tenantId} AND NOT a.internal
       AND (${appIds}::text[] IS NULL OR a.id = ANY(${appIds}::text[]))
       AND (${after}::text IS NULL OR a.id > ${after})
     ORDER BY a.id LIMIT ${APPS_PER_STEP}`;
  const apps = [
    ...((data.apps as unknown[]) ?? []),
    ...rows.map((r) => ({
      appId: r.id,
      appUid: r.uid,
      name: r.name,
      messages: r.messages,
      messageDestinations: r.destinations,
      succeeded: r.succeeded,
      failed: r.failed,
      pending: r.pending,
    })),
  ];
  return {
    state: { after: rows.at(-1)?.id ?? after },
    data: { ...data, apps },
    done: rows.length < APPS_PER_STEP,
  };
};

/** The window `event-type.aggregate` looks at. */
export const EVENT_TYPE_AGGREGATE_DAYS = 30;

/**
 * `event-type.aggregate` (PUT /stats/usage/event-types): for each event type sent in the last 30
 * days, how many messages and how many applications, and which endpoints listen to it.
 */
const eventTypeAggregate: Handler = async ({ tx, now, tenantId, data }) => {
  const since = new Date(now.getTime() - EVENT_TYPE_AGGREGATE_DAYS * 86_400_000);
  const rows = await tx.$queryRaw<
    { eventType: string; messages: number; applications: number; endpoints: number }[]
  >`
    SELECT t."eventType", t.messages, t.applications,
           (SELECT count(*) FROM "Endpoint" e JOIN "Application" a ON a.id = e."applicationId" AND NOT a.internal
             WHERE e."tenantId" = ${tenantId} AND NOT e.disabled
               AND (cardinality(e."eventTypes") = 0 OR t."eventType" = ANY(e."eventTypes")))::int AS endpoints
      FROM (SELECT m."eventType", count(*)::int AS messages, count(DISTINCT m."applicationId")::int AS applications
              FROM "Message" m JOIN "Application" a ON a.id = m."applicationId" AND NOT a.internal
             WHERE m."tenantId" = ${tenantId} AND m."createdAt" >= ${since}
             GROUP BY m."eventType") t
     ORDER BY t.messages DESC, t."eventType"`;
  return {
    state: {},
    data: { ...data, since: since.toISOString(), until: now.toISOString(), eventTypes: rows },
    done: true,
  };
};

export const TASK_HANDLERS: Record<string, Handler | undefined> = {
  "endpoint.recover": recover,
  "endpoint.replay": replayMissing,
  "endpoint.bulk-replay": bulkReplay,
  "application.purge_content": purgeContent,
  "application.stats": appStats,
  "event-type.aggregate": eventTypeAggregate,
};
