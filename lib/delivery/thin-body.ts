import type { ClaimedDelivery } from "@/lib/delivery/claim-delivery";
import { createFetchToken } from "@/lib/messages/fetch-token";

/**
 * The body of a thin delivery: what happened and where to read it, not the content. The receiver
 * fetches `fetchUrl` with its tenant's API key, or with `fetchToken` (valid for an hour) as
 * `Authorization: Bearer <fetchToken>`.
 */
export function thinBody(delivery: ClaimedDelivery, publicUrl: string, now: Date): string {
  return JSON.stringify({
    id: delivery.messageId,
    type: delivery.eventType,
    timestamp: new Date(delivery.messageCreatedAt).toISOString(),
    fetchUrl: `${publicUrl}/api/v1/app/${delivery.applicationId}/msg/${delivery.messageId}`,
    fetchToken: createFetchToken(delivery.tenantId, delivery.applicationId, delivery.messageId, now),
  });
}
