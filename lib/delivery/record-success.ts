import { db } from "@/lib/db";

export interface AttemptRow {
  id: string;
  tenantId: string;
  applicationId: string;
  messageId: string;
  endpointId: string;
  deliveryId: string;
  url: string;
  outcome: "success" | "failure";
  trigger: "scheduled" | "manual";
  responseStatusCode: number;
  response: string;
  durationMs: number;
  errorKind: string | null;
  errorMessage: string | null;
  batchId: string | null;
  /** As sent, with sensitive values redacted (see redactHeaders). */
  requestHeaders: Record<string, string>;
  createdAt: Date;
}

/**
 * Records a successful attempt in one statement: the attempt row, the delivery marked succeeded,
 * and the endpoint's run of failures ended (only written when there was one).
 */
export async function recordSuccess(a: AttemptRow, attemptCount: number): Promise<void> {
  await db.$executeRaw`
    WITH attempt AS (
      INSERT INTO "MessageAttempt" (id, "tenantId", "applicationId", "messageId", "endpointId", "deliveryId", url, outcome,
                                    trigger, "responseStatusCode", response, "durationMs", "errorKind", "errorMessage", "batchId", "requestHeaders", "createdAt")
      VALUES (${a.id}, ${a.tenantId}, ${a.applicationId}, ${a.messageId}, ${a.endpointId}, ${a.deliveryId}, ${a.url},
              'success', ${a.trigger}::"AttemptTrigger", ${a.responseStatusCode}, ${a.response}, ${a.durationMs}, NULL, NULL, ${a.batchId}, ${JSON.stringify(a.requestHeaders)}::jsonb, ${a.createdAt})
    ), delivery AS (
      UPDATE "Delivery" SET status = 'succeeded', "attemptCount" = ${attemptCount}, "nextAttemptAt" = NULL,
                            "lastAttemptAt" = ${a.createdAt}, "updatedAt" = ${a.createdAt}, "reservedSlotAt" = NULL
       WHERE id = ${a.deliveryId}
    )
    UPDATE "Endpoint" SET "failingSince" = NULL, "consecutiveFailures" = 0
     WHERE id = ${a.endpointId} AND ("failingSince" IS NOT NULL OR "consecutiveFailures" > 0)`;
}
