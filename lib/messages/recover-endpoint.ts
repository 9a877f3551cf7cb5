import { findEndpoint } from "@/lib/endpoints/find-endpoint";
import { newId } from "@/lib/ids";
import { withDeliveries } from "@/lib/jobs/with-deliveries";

const BATCH = 1000;

/**
 * Re-sends every failed or parked delivery of the endpoint whose message was created in
 * [since, until): they become pending again with a fresh retry schedule. Messages whose content
 * was expunged are left alone (there is nothing to send). Works in batches so a large recovery
 * never holds one huge transaction. Returns the number of deliveries recovered.
 */
export async function recoverEndpoint(
  tenantId: string,
  appIdOrUid: string,
  endpointIdOrUid: string,
  window: { since: Date; until?: Date | null },
  now = new Date(),
) {
  const endpoint = await findEndpoint(tenantId, appIdOrUid, endpointIdOrUid);
  let total = 0;
  for (;;) {
    const count = await withDeliveries(async (tx, enqueue) => {
      const rows = await tx.delivery.findMany({
        where: {
          tenantId,
          endpointId: endpoint.id,
          status: { in: ["failed", "parked"] },
          message: { createdAt: { gte: window.since, lt: window.until ?? undefined }, expungedAt: null },
        },
        select: { id: true },
        take: BATCH,
      });
      if (rows.length === 0) return 0;
      const ids = rows.map((r) => r.id);
      await tx.delivery.updateMany({
        where: { id: { in: ids } },
        data: { status: "pending", nextAttemptAt: now, attemptCount: 0 },
      });
      enqueue(
        ids.map((deliveryId) => ({
          deliveryId,
          endpointId: endpoint.id,
          runAt: now,
          trigger: "manual" as const,
        })),
      );
      return ids.length;
    });
    total += count;
    if (count < BATCH) break;
  }
  return { id: newId("qtask", now.getTime()), recovered: total };
}
