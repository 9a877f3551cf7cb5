import { db } from "@/lib/db";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";

/** What an endpoint's portal page shows: the endpoint, why it is disabled, recent attempts, event types. */
export async function endpointOverview(tenantId: string, appId: string, endpointId: string) {
  const endpoint = await findEndpoint(tenantId, appId, endpointId);
  const [details, attempts, eventTypes] = await Promise.all([
    db.endpoint.findUniqueOrThrow({
      where: { id: endpoint.id },
      select: { disabledReason: true, disabledAt: true, failingSince: true, consecutiveFailures: true },
    }),
    db.messageAttempt.findMany({
      where: { tenantId, endpointId: endpoint.id },
      orderBy: { id: "desc" },
      take: 25,
      select: {
        id: true,
        messageId: true,
        outcome: true,
        responseStatusCode: true,
        durationMs: true,
        errorKind: true,
        trigger: true,
        createdAt: true,
      },
    }),
    db.eventType.findMany({
      where: { tenantId, archived: false },
      orderBy: { name: "asc" },
      select: { name: true },
    }),
  ]);
  return { endpoint: { ...endpoint, ...details }, attempts, eventTypes: eventTypes.map((e) => e.name) };
}
