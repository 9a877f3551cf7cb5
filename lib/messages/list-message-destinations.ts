import { type ListQuery, paginate } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import { endpointSelect, serializeEndpoint } from "@/lib/endpoints/serialize-endpoint";
import { svixStatus } from "@/lib/messages/delivery-status";
import { findMessage } from "@/lib/messages/find-message";

/** The endpoints a message went to, each with where its delivery stands (Svix's MessageEndpointOut). */
export async function listMessageDestinations(
  tenantId: string,
  appIdOrUid: string,
  msgId: string,
  query: ListQuery,
) {
  const { message } = await findMessage(tenantId, appIdOrUid, msgId);
  const page = await paginate(
    query,
    ({ after, before, ascending, take }) =>
      db.delivery.findMany({
        where: {
          tenantId,
          messageId: message.id,
          id: after ? { gt: after } : before ? { lt: before } : undefined,
        },
        orderBy: { id: ascending ? "asc" : "desc" },
        take,
        select: {
          id: true,
          status: true,
          nextAttemptAt: true,
          attemptCount: true,
          endpoint: { select: endpointSelect },
        },
      }),
    (d) => d.id,
  );
  return {
    ...page,
    data: page.data.map((d) => ({
      ...serializeEndpoint(d.endpoint),
      ...svixStatus(d.status),
      nextAttempt: d.status === "pending" ? (d.nextAttemptAt?.toISOString() ?? null) : null,
      attempts: d.attemptCount,
    })),
  };
}
