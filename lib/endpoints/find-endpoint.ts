import { notFound } from "@/lib/api/errors";
import { findApplication } from "@/lib/applications/find-application";
import { db } from "@/lib/db";
import { endpointSelect } from "@/lib/endpoints/serialize-endpoint";
import type { AppRef } from "@/lib/operational/operational-app";

/** The endpoint (by id or uid) of the tenant's application (by id or uid), or a 404. */
export async function findEndpoint(tenantId: string, appIdOrUid: AppRef, idOrUid: string) {
  const app = await findApplication(tenantId, appIdOrUid);
  const endpoints = await db.endpoint.findMany({
    where: { tenantId, applicationId: app.id, OR: [{ id: idOrUid }, { uid: idOrUid }] },
    select: { ...endpointSelect, applicationId: true, headers: true },
    take: 2,
  });
  const endpoint = endpoints.find((e) => e.id === idOrUid) ?? endpoints[0];
  if (!endpoint) throw notFound("Endpoint");
  return endpoint;
}
