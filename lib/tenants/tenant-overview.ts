import { db } from "@/lib/db";

const HOUR = 3_600_000;

/**
 * The dashboard's figures: counts of the catalogue, and for the last 24 hours and 7 days the
 * messages sent and the deliveries by state (grouped in SQL), the endpoints failing right now and
 * the disabled ones, and the size of the dead-letter queue. The tenant's internal (operational)
 * application is left out.
 */
export async function tenantOverview(tenantId: string, now = new Date()) {
  const since = (hours: number) => new Date(now.getTime() - hours * HOUR);
  const customer = { application: { internal: false } };
  const window = async (hours: number) => {
    const [messages, deliveries] = await Promise.all([
      db.message.count({ where: { tenantId, createdAt: { gte: since(hours) }, ...customer } }),
      db.delivery.groupBy({
        by: ["status"],
        where: { tenantId, createdAt: { gte: since(hours) }, message: customer },
        _count: { _all: true },
      }),
    ]);
    const of = (s: string) => deliveries.find((d) => d.status === s)?._count._all ?? 0;
    return {
      messages,
      succeeded: of("succeeded"),
      failed: of("failed"),
      pending: of("pending") + of("sending"),
      parked: of("parked"),
    };
  };
  const [applications, endpoints, eventTypes, apiKeys, day, week, failing, disabled, deadLetters] =
    await Promise.all([
      db.application.count({ where: { tenantId, internal: false } }),
      db.endpoint.count({ where: { tenantId, ...customer } }),
      db.eventType.count({ where: { tenantId, archived: false } }),
      db.apiKey.count({ where: { tenantId, revokedAt: null } }),
      window(24),
      window(24 * 7),
      db.endpoint.findMany({
        where: { tenantId, disabled: false, failingSince: { not: null }, ...customer },
        orderBy: { failingSince: "asc" },
        take: 10,
        select: {
          id: true,
          url: true,
          applicationId: true,
          failingSince: true,
          consecutiveFailures: true,
          application: { select: { name: true } },
        },
      }),
      db.endpoint.findMany({
        where: { tenantId, disabled: true, ...customer },
        orderBy: { disabledAt: "desc" },
        take: 10,
        select: {
          id: true,
          url: true,
          applicationId: true,
          disabledReason: true,
          application: { select: { name: true } },
        },
      }),
      db.delivery.count({ where: { tenantId, status: "failed", message: customer } }),
    ]);
  return { applications, endpoints, eventTypes, apiKeys, day, week, failing, disabled, deadLetters };
}
