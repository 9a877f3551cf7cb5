import { db } from "@/lib/db";
import { findMessage } from "@/lib/messages/find-message";

/**
 * A message with everything the detail view shows: payload, where it stands at each endpoint,
 * and every attempt with its (redacted) request headers and response.
 */
export async function messageDetail(tenantId: string, appIdOrUid: string, msgId: string) {
  const { app, message } = await findMessage(tenantId, appIdOrUid, msgId);
  const [raw, deliveries, attempts] = await Promise.all([
    db.message.findUniqueOrThrow({
      where: { id: message.id },
      select: { rawPayload: true, contentType: true },
    }),
    db.delivery.findMany({
      where: { tenantId, messageId: message.id },
      orderBy: { id: "asc" },
      select: {
        id: true,
        status: true,
        attemptCount: true,
        nextAttemptAt: true,
        endpoint: { select: { id: true, url: true, disabled: true } },
      },
    }),
    db.messageAttempt.findMany({
      where: { tenantId, messageId: message.id },
      orderBy: { id: "desc" },
      take: 200,
      select: {
        id: true,
        endpointId: true,
        url: true,
        outcome: true,
        trigger: true,
        responseStatusCode: true,
        response: true,
        durationMs: true,
        errorKind: true,
        errorMessage: true,
        requestHeaders: true,
        batchId: true,
        createdAt: true,
      },
    }),
  ]);
  return {
    app: { id: app.id, name: app.name },
    message: { ...message, ...raw },
    deliveries,
    attempts: attempts.map((a) => ({
      ...a,
      requestHeaders: (a.requestHeaders ?? null) as Record<string, string> | null,
    })),
  };
}
