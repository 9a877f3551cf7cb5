import { db } from "@/lib/db";
import { rolledChartRows } from "@/lib/endpoints/rolled-chart-rows";
import { searchParam } from "@/lib/portal/search-param";
import { rollupWatermark } from "@/lib/stats/rollup-attempts";

export const CHART_RANGES = {
  "1h": { spanMs: 3_600_000, bucketMs: 60_000, label: "1 hour" },
  "24h": { spanMs: 86_400_000, bucketMs: 1_800_000, label: "24 hours" },
  "7d": { spanMs: 604_800_000, bucketMs: 10_800_000, label: "7 days" },
  "30d": { spanMs: 2_592_000_000, bucketMs: 43_200_000, label: "30 days" },
} as const;
export type ChartRange = keyof typeof CHART_RANGES;

/** The chart range a page's `?range=` asks for: one of CHART_RANGES, else 24 hours. */
export function chartRange(value: string | string[] | undefined): ChartRange {
  return searchParam(value, Object.keys(CHART_RANGES) as ChartRange[]) ?? "24h";
}

export interface ChartBucket {
  /** Bucket start, ms since the epoch. */
  at: number;
  success: number;
  failure: number;
  /** Deliveries created in the bucket still waiting for their (next) attempt. */
  pending: number;
  /** Successful attempts / all attempts, 0–100; null when the bucket has no attempts. */
  successRate: number | null;
  p50: number | null;
  p95: number | null;
}

export interface EndpointChart {
  range: ChartRange;
  from: number;
  to: number;
  bucketMs: number;
  buckets: ChartBucket[];
  statusCodes: { code: number; count: number }[];
  /** Over the whole range: the headline numbers. */
  totals: {
    attempts: number;
    succeeded: number;
    failed: number;
    successRate: number | null;
    p95: number | null;
  };
}

/**
 * An endpoint's delivery chart, aggregated in SQL: at most ~61 time buckets (date_bin over the
 * (endpointId, createdAt) index range) and one row per status code, however many attempts exist.
 */
export async function endpointChart(
  tenantId: string,
  endpointId: string,
  range: ChartRange,
  now = new Date(),
) {
  const { spanMs, bucketMs } = CHART_RANGES[range];
  // Align buckets to whole bucket widths so the chart does not shift on every reload.
  const to = new Date(Math.ceil(now.getTime() / bucketMs) * bucketMs);
  const from = new Date(to.getTime() - spanMs);
  const interval = `${bucketMs / 1000} seconds`;
  // 7 and 30 days (buckets of whole hours) read the hourly rollup up to its watermark and the
  // attempts after it; 1 and 24 hours read the attempts, which the index serves directly.
  const watermark = bucketMs >= 3_600_000 ? await rollupWatermark() : null;
  const [
    {
      attempts,
      codes,
      total: [total],
    },
    pending,
  ] = await Promise.all([
    watermark
      ? rolledChartRows(tenantId, endpointId, from, to, interval, watermark)
      : rawChartRows(tenantId, endpointId, from, to, interval),
    db.$queryRaw<{ at: Date; pending: bigint }[]>`
      SELECT date_bin(${interval}::interval, "createdAt", ${from}) AS at, count(*) AS pending
        FROM "Delivery"
       WHERE "endpointId" = ${endpointId} AND "tenantId" = ${tenantId}
         AND status IN ('pending', 'sending')
         AND "createdAt" >= ${from} AND "createdAt" < ${to}
       GROUP BY 1`,
  ]);
  const succeeded = Number(total?.success ?? 0);
  const failed = Number(total?.failure ?? 0);
  const byTime = new Map(attempts.map((r) => [r.at.getTime(), r]));
  const pendingByTime = new Map(pending.map((r) => [r.at.getTime(), Number(r.pending)]));
  const buckets: ChartBucket[] = [];
  for (let at = from.getTime(); at < to.getTime(); at += bucketMs) {
    const row = byTime.get(at);
    const success = Number(row?.success ?? 0);
    const failure = Number(row?.failure ?? 0);
    buckets.push({
      at,
      success,
      failure,
      pending: pendingByTime.get(at) ?? 0,
      successRate: success + failure ? Math.round((1000 * success) / (success + failure)) / 10 : null,
      p50: row?.p50 == null ? null : Math.round(row.p50),
      p95: row?.p95 == null ? null : Math.round(row.p95),
    });
  }
  return {
    range,
    from: from.getTime(),
    to: to.getTime(),
    bucketMs,
    buckets,
    statusCodes: codes.map((c) => ({ code: c.code, count: Number(c.count) })),
    totals: {
      attempts: succeeded + failed,
      succeeded,
      failed,
      successRate: succeeded + failed ? Math.round((1000 * succeeded) / (succeeded + failed)) / 10 : null,
      p95: total?.p95 == null ? null : Math.round(total.p95),
    },
  } satisfies EndpointChart;
}

/** The chart's rows straight from the attempts (the (endpointId, createdAt) index range). */
async function rawChartRows(tenantId: string, endpointId: string, from: Date, to: Date, interval: string) {
  const [attempts, codes, total] = await Promise.all([
    db.$queryRaw<{ at: Date; success: bigint; failure: bigint; p50: number | null; p95: number | null }[]>`
      SELECT date_bin(${interval}::interval, "createdAt", ${from}) AS at,
             count(*) FILTER (WHERE outcome = 'success') AS success,
             count(*) FILTER (WHERE outcome = 'failure') AS failure,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY "durationMs") AS p50,
             percentile_cont(0.95) WITHIN GROUP (ORDER BY "durationMs") AS p95
        FROM "MessageAttempt"
       WHERE "endpointId" = ${endpointId} AND "tenantId" = ${tenantId}
         AND "createdAt" >= ${from} AND "createdAt" < ${to}
       GROUP BY 1`,
    db.$queryRaw<{ code: number; count: bigint }[]>`
      SELECT "responseStatusCode" AS code, count(*) AS count
        FROM "MessageAttempt"
       WHERE "endpointId" = ${endpointId} AND "tenantId" = ${tenantId}
         AND "createdAt" >= ${from} AND "createdAt" < ${to}
       GROUP BY 1 ORDER BY 2 DESC LIMIT 20`,
    db.$queryRaw<{ success: bigint; failure: bigint; p95: number | null }[]>`
      SELECT count(*) FILTER (WHERE outcome = 'success') AS success,
             count(*) FILTER (WHERE outcome = 'failure') AS failure,
             percentile_cont(0.95) WITHIN GROUP (ORDER BY "durationMs") AS p95
        FROM "MessageAttempt"
       WHERE "endpointId" = ${endpointId} AND "tenantId" = ${tenantId}
         AND "createdAt" >= ${from} AND "createdAt" < ${to}`,
  ]);
  return { attempts, codes, total };
}
