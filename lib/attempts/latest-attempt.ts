import { db } from "@/lib/db";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";

/** The latest attempt of a message at an endpoint (the "send test event" result), or null. */
export async function latestAttempt(tenantId: string, appId: string, endpointId: string, messageId: string) {
  const endpoint = await findEndpoint(tenantId, appId, endpointId);
  return db.messageAttempt.findFirst({
    where: { tenantId, endpointId: endpoint.id, messageId },
    orderBy: { id: "desc" },
    select: {
      outcome: true,
      responseStatusCode: true,
      durationMs: true,
      errorKind: true,
      errorMessage: true,
    },
  });
}
