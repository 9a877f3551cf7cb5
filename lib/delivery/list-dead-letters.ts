import { type ListQuery, paginate } from "@/lib/api/pagination";
import { findApplication } from "@/lib/applications/find-application";
import { db } from "@/lib/db";

/** The dead-letter queue: deliveries that exhausted their retries (failed), newest first. */
export async function listDeadLetters(
  tenantId: string,
  appIdOrUid: string,
  query: ListQuery,
  filters: { endpointId?: string; since?: Date; until?: Date },
) {
  const app = await findApplication(tenantId, appIdOrUid);
  return paginate(
    query,
    ({ after, before, ascending, take }) =>
      db.delivery.findMany({
        where: {
          tenantId,
          applicationId: app.id,
          status: "failed",
          endpointId: filters.endpointId,
          updatedAt: { gte: filters.since, lt: filters.until },
          id: after ? { gt: after } : before ? { lt: before } : undefined,
        },
        orderBy: { id: ascending ? "asc" : "desc" },
        take,
        select: {
          id: true,
          messageId: true,
          endpointId: true,
          attemptCount: true,
          lastAttemptAt: true,
          updatedAt: true,
          message: { select: { eventType: true, createdAt: true } },
        },
      }),
    (d) => d.id,
  );
}
