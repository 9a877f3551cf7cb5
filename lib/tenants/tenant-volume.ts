import { db } from "@/lib/db";

export const VOLUME_SPAN_MS = 7 * 86_400_000;
export const VOLUME_BUCKET_MS = 3 * 3_600_000;

export interface VolumeBucket {
  /** Bucket start, ms since the epoch. */
  at: number;
  messages: number;
  failedAttempts: number;
}

/**
 * The dashboard's volume chart: the tenant's messages (not its operational webhooks) and failed
 * attempts over the last 7 days in 3-hour buckets, counted in SQL over the (tenantId, createdAt)
 * indexes: 56 rows however many messages there are.
 */
export async function tenantVolume(tenantId: string, now = new Date()) {
  const to = new Date(Math.ceil(now.getTime() / VOLUME_BUCKET_MS) * VOLUME_BUCKET_MS);
  const from = new Date(to.getTime() - VOLUME_SPAN_MS);
  const interval = `${VOLUME_BUCKET_MS / 1000} seconds`;
  const [messages, failures] = await Promise.all([
    db.$queryRaw<{ at: Date; n: bigint }[]>`
      SELECT date_bin(${interval}::interval, m."createdAt", ${from}) AS at, count(*) AS n
        FROM "Message" m
       WHERE m."tenantId" = ${tenantId} AND m."createdAt" >= ${from} AND m."createdAt" < ${to}
         AND m."applicationId" NOT IN (SELECT id FROM "Application" WHERE "tenantId" = ${tenantId} AND internal)
       GROUP BY 1`,
    db.$queryRaw<{ at: Date; n: bigint }[]>`
      SELECT date_bin(${interval}::interval, "createdAt", ${from}) AS at, count(*) AS n
        FROM "MessageAttempt"
       WHERE "tenantId" = ${tenantId} AND "createdAt" >= ${from} AND "createdAt" < ${to} AND outcome = 'failure'
       GROUP BY 1`,
  ]);
  const byTime = (rows: { at: Date; n: bigint }[]) => new Map(rows.map((r) => [r.at.getTime(), Number(r.n)]));
  const m = byTime(messages);
  const f = byTime(failures);
  const buckets: VolumeBucket[] = [];
  for (let at = from.getTime(); at < to.getTime(); at += VOLUME_BUCKET_MS)
    buckets.push({ at, messages: m.get(at) ?? 0, failedAttempts: f.get(at) ?? 0 });
  return { from: from.getTime(), to: to.getTime(), bucketMs: VOLUME_BUCKET_MS, buckets };
}
