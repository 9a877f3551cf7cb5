import { db } from "@/lib/db";

/** The portal's dead-letter queue across the tenant's applications: failed deliveries, newest first. */
export async function deadLetterOverview(
  tenantId: string,
  filter: { appId?: string; endpointId?: string },
  take = 200,
) {
  const [deliveries, endpoints] = await Promise.all([
    db.delivery.findMany({
      where: {
        tenantId,
        status: "failed",
        applicationId: filter.appId || undefined,
        endpointId: filter.endpointId || undefined,
        message: { application: { internal: false } },
      },
      orderBy: { updatedAt: "desc" },
      take,
      select: {
        id: true,
        messageId: true,
        endpointId: true,
        applicationId: true,
        attemptCount: true,
        updatedAt: true,
        message: { select: { eventType: true } },
        endpoint: { select: { url: true } },
      },
    }),
    db.endpoint.findMany({
      where: { tenantId, application: { internal: false } },
      orderBy: { url: "asc" },
      select: { id: true, url: true, applicationId: true, application: { select: { name: true } } },
    }),
  ]);
  return { deliveries, endpoints };
}
