import { db } from "@/lib/db";

export interface ChartRows {
  attempts: { at: Date; success: bigint; failure: bigint; p50: number | null; p95: number | null }[];
  codes: { code: number; count: bigint }[];
  total: { success: bigint; failure: bigint; p95: number | null }[];
}

/**
 * An endpoint's chart rows over [from, to) in `interval` buckets (whole hours), from the hourly
 * rollup (EndpointHourlyStat) before `watermark` and from the attempts themselves after it, so
 * a 30-day chart reads ~720 rollup rows and at most an hour or two of attempts however many
 * there were, and still works once retention has deleted the old attempts. Counts are exact;
 * p50 and p95 over several hours are the hours' percentiles weighted by their attempts.
 */
export async function rolledChartRows(
  tenantId: string,
  endpointId: string,
  from: Date,
  to: Date,
  interval: string,
  watermark: Date,
): Promise<ChartRows> {
  const split = new Date(Math.min(Math.max(watermark.getTime(), from.getTime()), to.getTime()));
  const [attempts, codes, total] = await Promise.all([
    db.$queryRaw<ChartRows["attempts"]>`
      SELECT at, sum(success)::bigint AS success, sum(failure)::bigint AS failure,
             (sum(p50 * n) / NULLIF(sum(n) FILTER (WHERE p50 IS NOT NULL), 0))::float8 AS p50,
             (sum(p95 * n) / NULLIF(sum(n) FILTER (WHERE p95 IS NOT NULL), 0))::float8 AS p95
        FROM (
          SELECT date_bin(${interval}::interval, hour, ${from}) AS at, succeeded AS success, failed AS failure,
                 p50::float8 AS p50, p95::float8 AS p95, (succeeded + failed) AS n
            FROM "EndpointHourlyStat"
           WHERE "endpointId" = ${endpointId} AND "tenantId" = ${tenantId} AND hour >= ${from} AND hour < ${split}
          UNION ALL
          SELECT date_bin(${interval}::interval, "createdAt", ${from}),
                 count(*) FILTER (WHERE outcome = 'success'), count(*) FILTER (WHERE outcome = 'failure'),
                 percentile_cont(0.5) WITHIN GROUP (ORDER BY "durationMs"),
                 percentile_cont(0.95) WITHIN GROUP (ORDER BY "durationMs"), count(*)
            FROM "MessageAttempt"
           WHERE "endpointId" = ${endpointId} AND "tenantId" = ${tenantId} AND "createdAt" >= ${split} AND "createdAt" < ${to}
           GROUP BY 1) parts
       GROUP BY at`,
    db.$queryRaw<ChartRows["codes"]>`
      SELECT code, sum(n)::bigint AS count
        FROM (
          SELECT c.key::int AS code, c.value::bigint AS n
            FROM "EndpointHourlyStat" s, jsonb_each_text(s."statusCodes") c
           WHERE s."endpointId" = ${endpointId} AND s."tenantId" = ${tenantId} AND s.hour >= ${from} AND s.hour < ${split}
          UNION ALL
          SELECT "responseStatusCode", count(*)
            FROM "MessageAttempt"
           WHERE "endpointId" = ${endpointId} AND "tenantId" = ${tenantId} AND "createdAt" >= ${split} AND "createdAt" < ${to}
           GROUP BY 1) parts
       GROUP BY code ORDER BY 2 DESC LIMIT 20`,
    db.$queryRaw<ChartRows["total"]>`
      SELECT sum(success)::bigint AS success, sum(failure)::bigint AS failure,
             (sum(p95 * n) / NULLIF(sum(n) FILTER (WHERE p95 IS NOT NULL), 0))::float8 AS p95
        FROM (
          SELECT succeeded AS success, failed AS failure, p95::float8 AS p95, (succeeded + failed) AS n
            FROM "EndpointHourlyStat"
           WHERE "endpointId" = ${endpointId} AND "tenantId" = ${tenantId} AND hour >= ${from} AND hour < ${split}
          UNION ALL
          SELECT count(*) FILTER (WHERE outcome = 'success'), count(*) FILTER (WHERE outcome = 'failure'),
                 percentile_cont(0.95) WITHIN GROUP (ORDER BY "durationMs"), count(*)
            FROM "MessageAttempt"
           WHERE "endpointId" = ${endpointId} AND "tenantId" = ${tenantId} AND "createdAt" >= ${split} AND "createdAt" < ${to}) parts`,
  ]);
  return { attempts, codes, total };
}
