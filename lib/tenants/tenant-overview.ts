import { db } from "@/lib/db";
import { DEAD_LETTER_COUNT_CAP } from "@/lib/delivery/dead-letter-overview";

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
  // The window's messages through the (tenantId, createdAt) index, then their deliveries through
  // (messageId, endpointId): a Delivery index on (tenantId, createdAt) does not exist, and reading
  // every delivery of a large tenant took seconds at 10 M attempts.
  const window = async (hours: number) => {
    const rows = await db.$queryRaw<{ status: string | null; n: number }[]>`
      SELECT d.status::text AS status, count(*)::int AS n
        FROM "Message" m
        JOIN "Application" a ON a.id = m."applicationId" AND NOT a.internal
        LEFT JOIN "Delivery" d ON d."messageId" = m.id
       WHERE m."tenantId" = ${tenantId} AND m."createdAt" >= ${since(hours)}
       GROUP BY 1`;
    const messagesRow = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Message" m JOIN "Application" a ON a.id = m."applicationId" AND NOT a.internal
       WHERE m."tenantId" = ${tenantId} AND m."createdAt" >= ${since(hours)}`;
    const messages = messagesRow[0]?.n ?? 0;
    const of = (s: string) => rows.find((d) => d.status === s)?.n ?? 0;
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
      // Counted up to DEAD_LETTER_COUNT_CAP + 1, as on the dead-letter page ("10,000+").
      db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM (
          SELECT 1 FROM "Delivery" d JOIN "Application" a ON a.id = d."applicationId" AND NOT a.internal
           WHERE d."tenantId" = ${tenantId} AND d.status = 'failed'
           LIMIT ${DEAD_LETTER_COUNT_CAP + 1}) capped`.then((r) => r[0]?.n ?? 0),
    ]);
  return { applications, endpoints, eventTypes, apiKeys, day, week, failing, disabled, deadLetters };
}
