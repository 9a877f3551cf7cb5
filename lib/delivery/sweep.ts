import { db } from "@/lib/db";
import type { DeliveryScheduler } from "@/lib/delivery/scheduler";

/**
 * The safety net behind the job engine: re-schedules deliveries whose job is gone. That is a
 * delivery left `sending` by a worker that died mid-attempt (past its endpoint's timeout plus
 * `orphanGraceMs`), and a pending delivery overdue by more than `orphanGraceMs` (its job was
 * lost, e.g. an Inngest event that never arrived). Claiming is guarded, so a delivery whose job
 * is in fact still alive is not attempted twice. Returns how many were re-scheduled.
 */
export async function sweepOrphans(
  scheduler: DeliveryScheduler,
  now: Date,
  orphanGraceMs: number,
  limit = 1000,
): Promise<number> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT d.id FROM "Delivery" d JOIN "Endpoint" e ON e.id = d."endpointId"
       WHERE (d.status = 'sending' AND d."lastAttemptAt" < ${now}::timestamptz
                - make_interval(secs => (e."timeoutMs" + ${orphanGraceMs}) / 1000.0))
          OR (d.status = 'pending' AND d."nextAttemptAt" < ${now}::timestamptz - make_interval(secs => ${orphanGraceMs} / 1000.0))
       LIMIT ${limit}`;
    if (rows.length === 0) return 0;
    const ids = rows.map((r) => r.id);
    await tx.$executeRaw`UPDATE "Delivery" SET status = 'pending', "nextAttemptAt" = ${now}, "updatedAt" = ${now} WHERE id = ANY(${ids}::text[])`;
    await scheduler.schedule(
      tx,
      ids.map((deliveryId) => ({ deliveryId, runAt: now })),
    );
    return ids.length;
  });
}
