import { db } from "@/lib/db";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";

/** Deliveries of an endpoint whose message is from `since` on, counted by state (for a recovery's progress). */
export async function recoveryProgress(tenantId: string, appId: string, endpointId: string, since: Date) {
  const endpoint = await findEndpoint(tenantId, appId, endpointId);
  const rows = await db.delivery.groupBy({
    by: ["status"],
    where: { tenantId, endpointId: endpoint.id, message: { createdAt: { gte: since } } },
    _count: { _all: true },
  });
  const count = (s: string) => rows.find((r) => r.status === s)?._count._all ?? 0;
  return {
    waiting: count("pending") + count("sending"),
    succeeded: count("succeeded"),
    failed: count("failed") + count("parked"),
  };
}
