import { db } from "@/lib/db";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";

/** Deliveries of the endpoint by state, for messages created in [since, until). */
export async function endpointStats(
  tenantId: string,
  appIdOrUid: string,
  endpointIdOrUid: string,
  since?: Date,
  until?: Date,
) {
  const endpoint = await findEndpoint(tenantId, appIdOrUid, endpointIdOrUid);
  const groups = await db.delivery.groupBy({
    by: ["status"],
    where: { tenantId, endpointId: endpoint.id, createdAt: { gte: since, lt: until } },
    _count: { _all: true },
  });
  const count = (s: string) => groups.find((g) => g.status === s)?._count._all ?? 0;
  return {
    success: count("succeeded"),
    pending: count("pending"),
    sending: count("sending"),
    fail: count("failed"),
    parked: count("parked"),
    canceled: 0,
  };
}
