import { db } from "@/lib/db";
import { emitEndpointEvent } from "@/lib/endpoints/emit-endpoint-event";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";
import type { AppRef } from "@/lib/operational/operational-app";

export async function deleteEndpoint(tenantId: string, appIdOrUid: AppRef, idOrUid: string): Promise<void> {
  const endpoint = await findEndpoint(tenantId, appIdOrUid, idOrUid);
  const deleted = await db.endpoint.delete({
    where: { id: endpoint.id, tenantId },
    select: { application: { select: { uid: true } } },
  });
  await emitEndpointEvent(tenantId, "endpoint.deleted", { ...endpoint, appUid: deleted.application.uid });
}
