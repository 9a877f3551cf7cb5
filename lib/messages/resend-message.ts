import { conflict } from "@/lib/api/errors";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";
import { newId } from "@/lib/ids";
import { withDeliveries } from "@/lib/jobs/with-deliveries";
import { findMessage } from "@/lib/messages/find-message";

/**
 * Sends a message to one endpoint again, now, whatever happened before (its delivery is reset to
 * pending, or created if the endpoint never had it). A delivery already being sent is left alone.
 * A message whose content was expunged cannot be resent (409): there is nothing left to sign; nor
 * can one to a disabled or polling endpoint (409), where nothing would be sent.
 */
export async function resendMessage(
  tenantId: string,
  appIdOrUid: string,
  msgId: string,
  endpointIdOrUid: string,
  now = new Date(),
) {
  const { message } = await findMessage(tenantId, appIdOrUid, msgId);
  if (message.expungedAt)
    throw conflict(
      `The content of message ${message.id} was expunged on ${message.expungedAt.toISOString()}; it cannot be resent`,
    );
  const endpoint = await findEndpoint(tenantId, appIdOrUid, endpointIdOrUid);
  // Nothing would be sent: say so rather than accept it (the delivery would only be parked again).
  if (endpoint.disabled)
    throw conflict(
      `Endpoint ${endpoint.uid ?? endpoint.id} is disabled, so nothing would be sent. Enable it first; its parked messages can then be recovered.`,
    );
  if (endpoint.polling)
    throw conflict(
      `Endpoint ${endpoint.uid ?? endpoint.id} is a polling endpoint: its consumers read messages, nothing is sent to it.`,
    );
  await withDeliveries(async (tx, enqueue) => {
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
    if (delivery.status === "sending") return;
    await tx.delivery.update({
      where: { id: delivery.id },
      data: { status: "pending", nextAttemptAt: now, attemptCount: 0 },
    });
    enqueue({ deliveryId: delivery.id, endpointId: endpoint.id, runAt: now, trigger: "manual" });
  });
}
