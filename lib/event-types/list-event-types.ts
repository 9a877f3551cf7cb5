import type { ListQuery } from "@/lib/api/pagination";
import { paginate } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import { eventTypeSelect } from "@/lib/event-types/serialize-event-type";

/** The catalogue in name order (ascending unless asked otherwise); archived types only on request. */
export async function listEventTypes(tenantId: string, query: ListQuery, includeArchived: boolean) {
  return paginate(
    query,
    ({ after, before, ascending, take }) =>
      db.eventType.findMany({
        where: {
          tenantId,
          archived: includeArchived ? undefined : false,
          name: after ? { gt: after } : before ? { lt: before } : undefined,
        },
        orderBy: { name: ascending ? "asc" : "desc" },
        take,
        select: eventTypeSelect,
      }),
    (e) => e.name,
  );
}
