import { db } from "@/lib/db";
import { deliveryScheduler } from "@/lib/jobs/scheduler";
import { emitOperationalEvent } from "@/lib/operational/emit-operational-event";

/** endpoint.created / updated / deleted, as Svix sends them: `{appId, appUid, endpointId, endpointUid}`. */
export async function emitEndpointEvent(
  tenantId: string,
  type: "endpoint.created" | "endpoint.updated" | "endpoint.deleted",
  endpoint: { id: string; uid: string | null; applicationId: string; appUid: string | null },
): Promise<void> {
  await db.$transaction((tx) =>
    emitOperationalEvent(tx, deliveryScheduler(), {
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
