import type { z } from "zod";
import { type ListQuery, paginate } from "@/lib/api/pagination";
import { findApplication } from "@/lib/applications/find-application";
import { db } from "@/lib/db";
import { messageSelect } from "@/lib/messages/serialize-message";
import type { messageFilters } from "@/lib/schemas/message";

/** Messages of an application, newest first, filtered by event type, channel, tag and time. */
export async function listMessages(
  tenantId: string,
  appIdOrUid: string,
  query: ListQuery,
  filters: z.infer<typeof messageFilters>,
) {
  const app = await findApplication(tenantId, appIdOrUid);
  return paginate(
    query,
    ({ after, before, ascending, take }) =>
      db.message.findMany({
        where: {
          tenantId,
          applicationId: app.id,
          ...(filters.event_types?.length ? { eventType: { in: filters.event_types } } : {}),
          ...(filters.channel ? { channels: { has: filters.channel } } : {}),
          ...(filters.tag ? { tags: { has: filters.tag } } : {}),
          createdAt: { lt: filters.before, gt: filters.after },
          id: after ? { gt: after } : before ? { lt: before } : undefined,
        },
        orderBy: { id: ascending ? "asc" : "desc" },
        take,
        select: messageSelect,
      }),
    (m) => m.id,
  );
}
