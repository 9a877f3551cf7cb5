import type { ListQuery } from "@/lib/api/pagination";
import { paginate } from "@/lib/api/pagination";
import { findApplication } from "@/lib/applications/find-application";
import { db } from "@/lib/db";
import { endpointSelect } from "@/lib/endpoints/serialize-endpoint";
import type { AppRef } from "@/lib/operational/operational-app";

export async function listEndpoints(tenantId: string, appIdOrUid: AppRef, query: ListQuery) {
  const app = await findApplication(tenantId, appIdOrUid);
  return paginate(
    query,
    ({ after, before, ascending, take }) =>
      db.endpoint.findMany({
        where: {
          tenantId,
          applicationId: app.id,
          id: after ? { gt: after } : before ? { lt: before } : undefined,
        },
        orderBy: { id: ascending ? "asc" : "desc" },
        take,
        select: endpointSelect,
      }),
    (e) => e.id,
  );
}
