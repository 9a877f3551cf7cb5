import { type ListQuery, paginate } from "@/lib/api/pagination";
import { findApplication } from "@/lib/applications/find-application";
import { attemptSelect } from "@/lib/attempts/serialize-attempt";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface AttemptFilters {
  endpointId?: string;
  messageId?: string;
  /** Svix status: 0 success, 2 fail (attempts are never pending or sending). */
  status?: number;
  before?: Date;
  after?: Date;
}

/** Attempts of an application, newest first, by endpoint and/or message. */
export async function listAttempts(
  tenantId: string,
  appIdOrUid: string,
  query: ListQuery,
  filters: AttemptFilters,
) {
  const app = await findApplication(tenantId, appIdOrUid);
  const where: Prisma.MessageAttemptWhereInput = {
    tenantId,
    applicationId: app.id,
    endpointId: filters.endpointId,
    messageId: filters.messageId,
    outcome: filters.status === undefined ? undefined : filters.status === 0 ? "success" : "failure",
    createdAt: { lt: filters.before, gt: filters.after },
  };
  if (filters.status !== undefined && filters.status !== 0 && filters.status !== 2)
    return { data: [], iterator: null, prevIterator: null, done: true };
  return paginate(
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
}
