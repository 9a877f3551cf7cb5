import { findApplication } from "@/lib/applications/find-application";
import { db } from "@/lib/db";
import { byHealth, endpointListHealth } from "@/lib/endpoints/endpoint-list-health";
import { eventTypeCatalogue } from "@/lib/event-types/event-type-catalogue";

/** What an application's portal page shows: the app, its endpoints, recent messages, the catalogue. */
export async function applicationOverview(tenantId: string, appId: string, featureFlags?: string[]) {
  const app = await findApplication(tenantId, appId);
  const [endpoints, messages, eventTypes] = await Promise.all([
    db.endpoint.findMany({
      where: { tenantId, applicationId: app.id },
      orderBy: { id: "desc" },
      select: {
        id: true,
        url: true,
        description: true,
        disabled: true,
        disabledReason: true,
        eventTypes: true,
      },
    }),
    db.message.findMany({
      where: { tenantId, applicationId: app.id },
      orderBy: { id: "desc" },
      take: 20,
      select: {
        id: true,
        eventType: true,
        createdAt: true,
        deliveries: { select: { id: true, status: true } },
      },
    }),
    eventTypeCatalogue(tenantId, featureFlags),
  ]);
  const health = await endpointListHealth(tenantId, endpoints);
  return {
    app,
    endpoints: byHealth(endpoints, health).map((e) => ({ ...e, health: health.get(e.id) ?? null })),
    messages,
    eventTypes,
  };
}
