import { type ListQuery, paginate } from "@/lib/api/pagination";
import { findApplication } from "@/lib/applications/find-application";
import { attemptSelect } from "@/lib/attempts/serialize-attempt";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { messageSelect } from "@/lib/messages/serialize-message";
import type { AttemptListQuery } from "@/lib/schemas/attempt";

export interface AttemptFilters {
  endpointId?: string;
  messageId?: string;
  /** Svix status: 0 success, 2 fail (attempts are never pending, sending or canceled). */
  status?: number;
  /** 0: no HTTP response; 100–500: status codes of that class. */
  statusCodeClass?: number;
  eventTypes?: string[];
  channel?: string;
  tag?: string;
  before?: Date;
  after?: Date;
  /** Include each attempt's message (Svix's `with_msg`). */
  withMessage?: boolean;
}

/** The filters from Svix's query parameters. */
export function attemptFilters(q: AttemptListQuery): AttemptFilters {
  return {
    status: q.status,
    statusCodeClass: q.status_code_class,
    eventTypes: q.event_types,
    channel: q.channel,
    tag: q.tag,
    before: q.before,
    after: q.after,
    withMessage: q.with_msg,
  };
}

const EMPTY = { data: [], iterator: null, prevIterator: null, done: true };

/** Attempts of an application, newest first, by endpoint and/or message, with Svix's filters. */
export async function listAttempts(
  tenantId: string,
  appIdOrUid: string,
  query: ListQuery,
  filters: AttemptFilters,
) {
  const app = await findApplication(tenantId, appIdOrUid);
  if (filters.status !== undefined && filters.status !== 0 && filters.status !== 2) return EMPTY;
  const klass = filters.statusCodeClass;
  const message: Prisma.MessageWhereInput = {
    eventType: filters.eventTypes?.length ? { in: filters.eventTypes } : undefined,
    channels: filters.channel ? { has: filters.channel } : undefined,
    tags: filters.tag ? { has: filters.tag } : undefined,
  };
  const byMessage = Object.values(message).some((v) => v !== undefined);
  const where: Prisma.MessageAttemptWhereInput = {
    tenantId,
    applicationId: app.id,
    endpointId: filters.endpointId,
    messageId: filters.messageId,
    outcome: filters.status === undefined ? undefined : filters.status === 0 ? "success" : "failure",
    responseStatusCode: klass === undefined ? undefined : klass === 0 ? 0 : { gte: klass, lte: klass + 99 },
    createdAt: { lt: filters.before, gt: filters.after },
    ...(byMessage ? { delivery: { message } } : {}),
  };
  const page = await paginate(
    query,
    ({ after, before, ascending, take }) =>
      db.messageAttempt.findMany({
        where: { ...where, id: after ? { gt: after } : before ? { lt: before } : undefined },
        orderBy: { id: ascending ? "asc" : "desc" },
        take,
        select: attemptSelect,
      }),
    (a) => a.id,
  );
  if (!filters.withMessage) return page;
  const messages = await db.message.findMany({
    where: { tenantId, id: { in: [...new Set(page.data.map((a) => a.messageId))] } },
    select: messageSelect,
  });
  const byId = new Map(messages.map((m) => [m.id, m]));
  return { ...page, data: page.data.map((a) => ({ ...a, message: byId.get(a.messageId) })) };
}
