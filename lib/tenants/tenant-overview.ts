import { db } from "@/lib/db";

/** Counts for the dashboard shell. */
export async function tenantOverview(tenantId: string) {
  const [applications, endpoints, eventTypes, apiKeys] = await Promise.all([
    db.application.count({ where: { tenantId, internal: false } }),
    db.endpoint.count({ where: { tenantId, application: { internal: false } } }),
    db.eventType.count({ where: { tenantId, archived: false } }),
    db.apiKey.count({ where: { tenantId, revokedAt: null } }),
  ]);
  return { applications, endpoints, eventTypes, apiKeys };
}
