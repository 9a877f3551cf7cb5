import { db } from "@/lib/db";
import type { DeliveryScheduler } from "@/lib/delivery/scheduler";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";
import { newId } from "@/lib/ids";
import { findMessage } from "@/lib/messages/find-message";

/**
 * Sends a message to one endpoint again, now, whatever happened before (its delivery is reset to
 * pending, or created if the endpoint never had it). A delivery already being sent is left alone.
 */
export async function resendMessage(
  tenantId: string,
  appIdOrUid: string,
  msgId: string,
  endpointIdOrUid: string,
  scheduler: DeliveryScheduler,
  now = new Date(),
) {
  const { message } = await findMessage(tenantId, appIdOrUid, msgId);
  const endpoint = await findEndpoint(tenantId, appIdOrUid, endpointIdOrUid);
  const scheduled = await db.$transaction(async (tx) => {
    const delivery = await tx.delivery.upsert({
      where: { messageId_endpointId: { messageId: message.id, endpointId: endpoint.id } },
      create: {
        id: newId("dlv", now.getTime()),
        tenantId,
        applicationId: endpoint.applicationId,
        messageId: message.id,
        endpointId: endpoint.id,
        status: "pending",
        nextAttemptAt: now,
      },
      update: {},
      select: { id: true, status: true },
    });
    if (delivery.status === "sending") return [];
    await tx.delivery.update({
      where: { id: delivery.id },
      data: { status: "pending", nextAttemptAt: now, attemptCount: 0 },
    });
    const jobs = [{ deliveryId: delivery.id, runAt: now, trigger: "manual" as const }];
    await scheduler.schedule(tx, jobs);
    return jobs;
  });
  await scheduler.afterCommit?.(scheduled);
}
