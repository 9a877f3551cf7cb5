import { db } from "@/lib/db";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";

export async function deleteEndpoint(tenantId: string, appIdOrUid: string, idOrUid: string): Promise<void> {
  const endpoint = await findEndpoint(tenantId, appIdOrUid, idOrUid);
  await db.endpoint.delete({ where: { id: endpoint.id, tenantId }, select: { id: true } });
}
