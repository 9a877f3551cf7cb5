import { withDeliveries } from "@/lib/jobs/with-deliveries";

/**
 * The safety net behind the job engine: requests again the deliveries whose job is gone. That is a
 * delivery left `sending` by a worker that died mid-attempt (past its endpoint's timeout plus
 * `orphanGraceMs`), and a pending delivery overdue by more than `orphanGraceMs` (its job was
 * lost: a worker killed with jobs in its local queue, an Inngest event that was never sent).
 * Claiming is guarded, so a delivery whose job is in fact still alive is not attempted twice.
 * Returns how many were requested.
 */
export async function sweepOrphans(now: Date, orphanGraceMs: number, limit = 1000): Promise<number> {
  return withDeliveries(async (tx, enqueue) => {
    // One UPDATE, so the conditions are re-checked on each row as it is locked: a delivery that a
    // worker claims meanwhile is no longer matched and is left alone.
    const rows = await tx.$queryRaw<{ id: string; endpointId: string }[]>`
      UPDATE "Delivery" d SET status = 'pending', "nextAttemptAt" = ${now}, "updatedAt" = ${now}
        FROM "Endpoint" e
       WHERE e.id = d."endpointId"
         AND d.id IN (
           SELECT d2.id FROM "Delivery" d2 JOIN "Endpoint" e2 ON e2.id = d2."endpointId"
            WHERE (d2.status = 'sending' AND d2."lastAttemptAt" < ${now}::timestamptz
                     - make_interval(secs => (e2."timeoutMs" + ${orphanGraceMs}) / 1000.0))
               OR (d2.status = 'pending' AND d2."nextAttemptAt" < ${now}::timestamptz - make_interval(secs => ${orphanGraceMs} / 1000.0))
            LIMIT ${limit} FOR UPDATE OF d2 SKIP LOCKED)
         AND ((d.status = 'sending' AND d."lastAttemptAt" < ${now}::timestamptz
                 - make_interval(secs => (e."timeoutMs" + ${orphanGraceMs}) / 1000.0))
              OR (d.status = 'pending' AND d."nextAttemptAt" < ${now}::timestamptz - make_interval(secs => ${orphanGraceMs} / 1000.0)))
      RETURNING d.id, d."endpointId"`;
    enqueue(rows.map((r) => ({ deliveryId: r.id, endpointId: r.endpointId, runAt: now })));
    return rows.length;
  });
}
