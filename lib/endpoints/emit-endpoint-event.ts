import { withDeliveries } from "@/lib/jobs/with-deliveries";
import { emitOperationalEvent } from "@/lib/operational/emit-operational-event";

/** endpoint.created / updated / deleted, as Svix sends them: `{appId, appUid, endpointId, endpointUid}`. */
export async function emitEndpointEvent(
  tenantId: string,
  type: "endpoint.created" | "endpoint.updated" | "endpoint.deleted",
  endpoint: { id: string; uid: string | null; applicationId: string; appUid: string | null },
): Promise<void> {
  await withDeliveries((tx, enqueue) =>
    emitOperationalEvent(tx, enqueue, {
      tenantId,
      applicationId: endpoint.applicationId,
      type,
      data: {
        appId: endpoint.applicationId,
        appUid: endpoint.appUid,
        endpointId: endpoint.id,
        endpointUid: endpoint.uid,
      },
    }),
  );
}
