import { db } from "@/lib/db";
import type { DeliveryScheduler } from "@/lib/delivery/scheduler";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";
import { newId } from "@/lib/ids";

const BATCH = 1000;

/**
 * Re-sends every failed or parked delivery of the endpoint whose message was created in
 * [since, until): they become pending again with a fresh retry schedule. Works in batches so a
 * large recovery never holds one huge transaction. Returns the number of deliveries recovered.
 */
export async function recoverEndpoint(
  tenantId: string,
  appIdOrUid: string,
  endpointIdOrUid: string,
  window: { since: Date; until?: Date | null },
  scheduler: DeliveryScheduler,
  now = new Date(),
) {
  const endpoint = await findEndpoint(tenantId, appIdOrUid, endpointIdOrUid);
  let total = 0;
  for (;;) {
    const scheduled = await db.$transaction(async (tx) => {
      const rows = await tx.delivery.findMany({
        where: {
          tenantId,
          endpointId: endpoint.id,
          status: { in: ["failed", "parked"] },
          message: { createdAt: { gte: window.since, lt: window.until ?? undefined } },
        },
        select: { id: true },
        take: BATCH,
      });
      if (rows.length === 0) return [];
      const ids = rows.map((r) => r.id);
      await tx.delivery.updateMany({
        where: { id: { in: ids } },
        data: { status: "pending", nextAttemptAt: now, attemptCount: 0 },
      });
      const jobs = ids.map((deliveryId) => ({ deliveryId, runAt: now, trigger: "manual" as const }));
      await scheduler.schedule(tx, jobs);
      return jobs;
    });
    await scheduler.afterCommit?.(scheduled);
    total += scheduled.length;
    if (scheduled.length < BATCH) break;
  }
  return { id: newId("qtask", now.getTime()), recovered: total };
}
