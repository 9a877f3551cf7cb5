import { type ListQuery, paginate } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";
import type { Prisma } from "@/lib/generated/prisma/client";
import { deliveryStatusesFor, svixStatus } from "@/lib/messages/delivery-status";
import { messageSelect, serializeMessage } from "@/lib/messages/serialize-message";

export interface EndpointMessageFilters {
  status?: number;
  eventTypes?: string[];
  channel?: string;
  tag?: string;
  before?: Date;
  after?: Date;
  withContent: boolean;
}

/**
 * Svix's `list-attempted-messages`: the messages that went (or are going) to one endpoint, newest
 * first, each with where its delivery there stands (EndpointMessageOut). Paged by message id.
 */
export async function listEndpointMessages(
  tenantId: string,
  appIdOrUid: string,
  endpointIdOrUid: string,
  query: ListQuery,
  filters: EndpointMessageFilters,
) {
  const endpoint = await findEndpoint(tenantId, appIdOrUid, endpointIdOrUid);
  const where: Prisma.DeliveryWhereInput = {
    tenantId,
    endpointId: endpoint.id,
    status: filters.status === undefined ? undefined : { in: deliveryStatusesFor(filters.status) },
    message: {
      eventType: filters.eventTypes?.length ? { in: filters.eventTypes } : undefined,
      channels: filters.channel ? { has: filters.channel } : undefined,
      tags: filters.tag ? { has: filters.tag } : undefined,
      createdAt: { lt: filters.before, gt: filters.after },
    },
  };
  const page = await paginate(
    query,
    ({ after, before, ascending, take }) =>
      db.delivery.findMany({
        where: { ...where, messageId: after ? { gt: after } : before ? { lt: before } : undefined },
        orderBy: { messageId: ascending ? "asc" : "desc" },
        take,
        select: { status: true, nextAttemptAt: true, message: { select: messageSelect } },
      }),
    (d) => d.message.id,
  );
  return {
    ...page,
    data: page.data.map((d) => {
      const { status, statusText } = svixStatus(d.status);
      return {
        ...serializeMessage(d.message, filters.withContent),
        status,
        statusText,
        nextAttempt: d.status === "pending" ? (d.nextAttemptAt?.toISOString() ?? null) : null,
      };
    }),
  };
}
