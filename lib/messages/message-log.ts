import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import { idPrefixTimeRange } from "@/lib/ids";

export const LOG_PAGE_SIZE = 50;
export const LOG_STATUSES = ["succeeded", "failed", "pending", "sending", "parked"] as const;

export interface MessageLogFilters {
  /** A message id (or its first characters, `msg_0356n…`) or the tenant's own event id, exactly. */
  id?: string;
  appId?: string;
  endpointId?: string;
  eventType?: string;
  status?: DeliveryStatus;
  from?: Date;
  to?: Date;
  /** Keyset cursors (from a previous page): messages older than `before`, or newer than `after`. */
  before?: string;
  after?: string;
}

// A cursor is "<createdAt in ms>.<id>": the log is ordered by (createdAt, id), which the
// (tenantId, createdAt) and (applicationId, createdAt) indexes serve.
const cursorOf = (m: { id: string; createdAt: Date }) => `${m.createdAt.getTime()}.${m.id}`;

function parseCursor(cursor: string | undefined): { at: Date; id: string } | null {
  const dot = cursor?.indexOf(".") ?? -1;
  if (!cursor || dot < 1) return null;
  const at = new Date(Number(cursor.slice(0, dot)));
  return Number.isNaN(at.getTime()) ? null : { at, id: cursor.slice(dot + 1) };
}

const FULL_ID_LENGTH = "msg_".length + 22;

/**
 * What the id box matches: a whole message id or event id exactly; the start of a message id
 * (at least `msg_` and one digit) as a prefix, inside the time window that prefix pins down so
 * the (tenantId, createdAt) index still does the work.
 */
function idMatch(id: string): Prisma.MessageWhereInput {
  const range = id.length < FULL_ID_LENGTH ? idPrefixTimeRange("msg", id) : null;
  if (!range) return { OR: [{ id }, { eventId: id }] };
  return {
    OR: [{ id: { startsWith: id }, createdAt: { gte: range.from, lt: range.until } }, { eventId: id }],
  };
}

/**
 * The portal's message log: the tenant's messages (never the internal operational application),
 * newest first, filtered by application, endpoint, event type, delivery status and time range,
 * one page at a time with keyset cursors. Endpoint and status filters match a delivery of the
 * message (at that endpoint, in that state).
 */
export async function messageLog(tenantId: string, f: MessageLogFilters, pageSize = LOG_PAGE_SIZE) {
  const before = parseCursor(f.before);
  const after = before ? null : parseCursor(f.after);
  const ascending = Boolean(after);
  const cursor = before ?? after;
  const past = ascending ? "gt" : "lt";
  const rows = await db.message.findMany({
    where: {
      tenantId,
      application: { internal: false },
      applicationId: f.appId,
      eventType: f.eventType,
      createdAt: { gte: f.from, lt: f.to },
      ...(f.id ? { AND: [idMatch(f.id)] } : {}),
      ...(cursor
        ? { OR: [{ createdAt: { [past]: cursor.at } }, { createdAt: cursor.at, id: { [past]: cursor.id } }] }
        : {}),
      deliveries:
        f.endpointId || f.status
          ? { some: { tenantId, endpointId: f.endpointId, status: f.status } }
          : undefined,
    },
    orderBy: [{ createdAt: ascending ? "asc" : "desc" }, { id: ascending ? "asc" : "desc" }],
    take: pageSize + 1,
    select: {
      id: true,
      eventType: true,
      createdAt: true,
      application: { select: { id: true, name: true } },
      deliveries: {
        select: {
          id: true,
          status: true,
          endpointId: true,
          attemptCount: true,
          endpoint: { select: { url: true } },
        },
        orderBy: { id: "asc" },
      },
    },
  });
  const more = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  if (ascending) page.reverse();
  return {
    messages: page,
    // Cursors for the neighbouring pages (null when there is nothing there).
    older: (ascending || more) && page.length ? cursorOf(page.at(-1)!) : null,
    newer: (ascending ? more : Boolean(before)) && page.length ? cursorOf(page[0]!) : null,
  };
}
