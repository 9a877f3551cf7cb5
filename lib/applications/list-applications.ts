import type { ListQuery } from "@/lib/api/pagination";
import { paginate } from "@/lib/api/pagination";
import { applicationSelect } from "@/lib/applications/serialize-application";
import { db } from "@/lib/db";

export async function listApplications(tenantId: string, query: ListQuery) {
  return paginate(
    query,
    ({ after, before, ascending, take }) =>
      db.application.findMany({
        where: { tenantId, internal: false, id: after ? { gt: after } : before ? { lt: before } : undefined },
        orderBy: { id: ascending ? "asc" : "desc" },
        take,
        select: applicationSelect,
      }),
    (a) => a.id,
  );
}
