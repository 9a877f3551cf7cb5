import { db } from "@/lib/db";

const HOUR_MS = 3_600_000;
/** Hours rolled up per statement, so a first run over a long history stays a bounded transaction. */
const HOURS_PER_STEP = 24;
/** The last hours are rolled up again each run: attempts are recorded a little after they start. */
const RECOMPUTE_HOURS = 2;

/**
 * Rolls MessageAttempt rows up into EndpointHourlyStat, per endpoint and hour: counts by outcome
 * and status code, p50 and p95. Covers every complete hour from the newest one already rolled up
 * (minus RECOMPUTE_HOURS, recomputed: idempotent upserts) or, the first time, from the oldest
 * attempt; the current hour is left to the raw rows. Returns the hour it has rolled up to (the
 * watermark: hours before it come from the rollup, from it on from the attempts).
 */
export async function rollupAttempts(now = new Date()): Promise<Date> {
  const until = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
  // Attempts are read per tenant through the (tenantId, createdAt) index: a time range alone
  // would scan the whole table (there is deliberately no index on createdAt by itself: one more
  // index for every attempt written, for a job that runs once an hour).
  const tenantIds = (await db.tenant.findMany({ select: { id: true } })).map((t) => t.id);
  const [{ newest, oldest }] = await db.$queryRaw<{ newest: Date | null; oldest: Date | null }[]>`
    SELECT (SELECT max(hour) FROM "EndpointHourlyStat") AS newest,
           (SELECT min(f.first) FROM unnest(${tenantIds}::text[]) AS t(id),
                   LATERAL (SELECT min(a."createdAt") AS first FROM "MessageAttempt" a WHERE a."tenantId" = t.id) f) AS oldest`.then(
    (rows) => rows as [(typeof rows)[0]],
  );
  let from = newest
    ? new Date(newest.getTime() - (RECOMPUTE_HOURS - 1) * HOUR_MS)
    : oldest
      ? new Date(Math.floor(oldest.getTime() / HOUR_MS) * HOUR_MS)
      : until;
  while (from < until) {
    const to = new Date(Math.min(until.getTime(), from.getTime() + HOURS_PER_STEP * HOUR_MS));
    await rollupWindow(tenantIds, from, to);
    from = to;
  }
  return until;
}

async function rollupWindow(tenantIds: string[], from: Date, to: Date): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "EndpointHourlyStat" ("endpointId", "tenantId", hour, succeeded, failed, p50, p95, "statusCodes")
    SELECT s."endpointId", s."tenantId", s.hour, s.succeeded, s.failed, s.p50, s.p95, COALESCE(c.codes, '{}')
      FROM (
        SELECT "endpointId", min("tenantId") AS "tenantId", date_trunc('hour', "createdAt") AS hour,
               count(*) FILTER (WHERE outcome = 'success')::int AS succeeded,
               count(*) FILTER (WHERE outcome = 'failure')::int AS failed,
               round(percentile_cont(0.5) WITHIN GROUP (ORDER BY "durationMs"))::int AS p50,
               round(percentile_cont(0.95) WITHIN GROUP (ORDER BY "durationMs"))::int AS p95
          FROM "MessageAttempt"
         WHERE "tenantId" = ANY(${tenantIds}::text[]) AND "createdAt" >= ${from} AND "createdAt" < ${to}
         GROUP BY 1, 3) s
      LEFT JOIN (
        SELECT "endpointId", hour, jsonb_object_agg(code, n) AS codes
          FROM (SELECT "endpointId", date_trunc('hour', "createdAt") AS hour, "responseStatusCode"::text AS code,
                       count(*)::int AS n
                  FROM "MessageAttempt"
                 WHERE "tenantId" = ANY(${tenantIds}::text[]) AND "createdAt" >= ${from} AND "createdAt" < ${to}
                 GROUP BY 1, 2, 3) per_code
         GROUP BY 1, 2) c ON c."endpointId" = s."endpointId" AND c.hour = s.hour
     -- An endpoint deleted meanwhile has no row to attach to.
     WHERE EXISTS (SELECT 1 FROM "Endpoint" e WHERE e.id = s."endpointId")
    ON CONFLICT ("endpointId", hour) DO UPDATE
      SET succeeded = EXCLUDED.succeeded, failed = EXCLUDED.failed, p50 = EXCLUDED.p50, p95 = EXCLUDED.p95,
          "statusCodes" = EXCLUDED."statusCodes"`;
}

/** The hour up to which rollups are complete (exclusive), or null when nothing is rolled up yet. */
export async function rollupWatermark(): Promise<Date | null> {
  const [row] = await db.$queryRaw<
    { newest: Date | null }[]
  >`SELECT max(hour) AS newest FROM "EndpointHourlyStat"`;
  return row?.newest ? new Date(row.newest.getTime() + HOUR_MS) : null;
}
