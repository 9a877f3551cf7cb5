import { db } from "@/lib/db";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";

export const LOG_PAGE_SIZE = 50;
export const LOG_STATUSES = ["succeeded", "failed", "pending", "sending", "parked"] as const;

export interface MessageLogFilters {
  appId?: string;
  endpointId?: string;
  eventType?: string;
  status?: DeliveryStatus;
  from?: Date;
  to?: Date;
  /** Keyset cursors: messages older than `before`, or newer than `after`. */
  before?: string;
  after?: string;
}

/**
 * The portal's message log: the tenant's messages (never the internal operational application),
 * newest first, filtered by application, endpoint, event type, delivery status and time range,
 * one page at a time with keyset cursors. Endpoint and status filters match a delivery of the
 * message (at that endpoint, in that state).
 */
export async function messageLog(tenantId: string, f: MessageLogFilters) {
  const ascending = Boolean(f.after && !f.before);
  const rows = await db.message.findMany({
    where: {
      tenantId,
      application: { internal: false },
      applicationId: f.appId,
      eventType: f.eventType,
      createdAt: { gte: f.from, lt: f.to },
      id: f.before ? { lt: f.before } : f.after ? { gt: f.after } : undefined,
      deliveries:
        f.endpointId || f.status
          ? { some: { tenantId, endpointId: f.endpointId, status: f.status } }
          : undefined,
    },
    orderBy: { id: ascending ? "asc" : "desc" },
    take: LOG_PAGE_SIZE + 1,
    select: {
      id: true,
      eventType: true,
      createdAt: true,
      application: { select: { id: true, name: true } },
      deliveries: {
        select: { id: true, status: true, endpointId: true, attemptCount: true },
        orderBy: { id: "asc" },
      },
    },
  });
  const more = rows.length > LOG_PAGE_SIZE;
  const page = rows.slice(0, LOG_PAGE_SIZE);
  if (ascending) page.reverse();
  return {
    messages: page,
    // Cursors for the neighbouring pages (null when there is nothing there).
    older: (ascending ? Boolean(f.after) : more) ? (page.at(-1)?.id ?? null) : null,
    newer: (ascending ? more : Boolean(f.before)) ? (page[0]?.id ?? null) : null,
  };
}
