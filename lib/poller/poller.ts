import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";
import { messageSelect, serializeMessage } from "@/lib/messages/serialize-message";

// Svix's polling endpoints: a customer that cannot host an HTTP endpoint reads the application's
// messages that a (polling) endpoint's filters take, in (createdAt, id) order, with an opaque
// iterator, or through a named consumer whose position the server keeps. Messages younger than
// SETTLE_MS are held back: transactions commit in any order, and a message written a moment
// earlier but committed later must not fall behind an iterator that has passed it.

export const SETTLE_MS = 2000;

interface Position {
  at: Date;
  id: string;
}

function encode(p: Position): string {
  return Buffer.from(`${p.at.getTime()}:${p.id}`).toString("base64url");
}

function decode(iterator: string): Position {
  const [ms, id] = Buffer.from(iterator, "base64url").toString("utf8").split(":");
  const at = new Date(Number(ms));
  if (!id || !/^msg_[\w~]*$/.test(id) || Number.isNaN(at.getTime()))
    throw new ApiError(422, "validation", "Invalid iterator");
  return { at, id };
}

export interface PollQuery {
  limit: number;
  iterator?: string | null;
  eventType?: string | null;
  channel?: string | null;
  after?: Date | null;
}

/** A page of the stream after `query.iterator` (or `after`, or from the start). */
export async function poll(
  tenantId: string,
  appIdOrUid: string,
  sinkIdOrUid: string,
  query: PollQuery,
  now = new Date(),
) {
  const sink = await findEndpoint(tenantId, appIdOrUid, sinkIdOrUid);
  const from = query.iterator ? decode(query.iterator) : null;
  const settled = new Date(now.getTime() - SETTLE_MS);
  const rows = await db.message.findMany({
    where: {
      tenantId,
      applicationId: sink.applicationId,
      eventType: query.eventType ?? (sink.eventTypes.length ? { in: sink.eventTypes } : undefined),
      ...(sink.channels.length ? { channels: { hasSome: sink.channels } } : {}),
      ...(query.channel ? { AND: [{ channels: { has: query.channel } }] } : {}),
      createdAt: { lt: settled, ...(from ? {} : query.after ? { gt: query.after } : {}) },
      ...(from ? { OR: [{ createdAt: { gt: from.at } }, { createdAt: from.at, id: { gt: from.id } }] } : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: query.limit,
    select: messageSelect,
  });
  const last = rows.at(-1);
  const iterator = last
    ? encode({ at: last.createdAt, id: last.id })
    : (query.iterator ?? encode({ at: query.after ?? new Date(0), id: "msg_" }));
  return {
    data: rows.map((m) => ({ ...serializeMessage(m), headers: null })),
    iterator,
    done: rows.length < query.limit,
  };
}

/** A consumer's page: from `iterator` if given, else from where the consumer last read; then kept. */
export async function consumerPoll(
  tenantId: string,
  appIdOrUid: string,
  sinkIdOrUid: string,
  consumerId: string,
  query: { limit: number; iterator?: string | null },
) {
  const sink = await findEndpoint(tenantId, appIdOrUid, sinkIdOrUid);
  const stored = query.iterator
    ? null
    : await db.pollerConsumer.findUnique({
        where: { endpointId_consumerId: { endpointId: sink.id, consumerId } },
      });
  const page = await poll(tenantId, appIdOrUid, sink.id, {
    limit: query.limit,
    iterator: query.iterator ?? stored?.iterator ?? null,
  });
  await db.pollerConsumer.upsert({
    where: { endpointId_consumerId: { endpointId: sink.id, consumerId } },
    create: { endpointId: sink.id, consumerId, iterator: page.iterator },
    update: { iterator: page.iterator },
  });
  return page;
}

/** Moves a consumer to just after `after`; its next poll starts there. */
export async function consumerSeek(
  tenantId: string,
  appIdOrUid: string,
  sinkIdOrUid: string,
  consumerId: string,
  after: Date,
) {
  const sink = await findEndpoint(tenantId, appIdOrUid, sinkIdOrUid);
  // Just after every message of `after`'s millisecond and before: ids sort after "msg_".
  const iterator = encode({ at: after, id: "msg_~" });
  await db.pollerConsumer.upsert({
    where: { endpointId_consumerId: { endpointId: sink.id, consumerId } },
    create: { endpointId: sink.id, consumerId, iterator },
    update: { iterator },
  });
  return { iterator };
}
