import { pgPool } from "@/lib/db";
import { isDatabaseUnavailable } from "@/lib/db/database-errors";
import { groupCommit } from "@/lib/db/group-commit";

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

// Successful attempts, any number in one statement: the attempt rows, their deliveries marked
// succeeded, and their endpoints' runs of failures ended (written only where there was one).
const RECORD_SUCCESSES = `
WITH a AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                       $9::int[], $10::text[], $11::int[], $12::text[], $13::text[], $14::timestamptz[], $15::int[])
    AS a(id, tenant, app, msg, endpoint, delivery, url, trigger, status, response, duration, batch, headers, at, count)
), attempt AS (
  INSERT INTO "MessageAttempt" (id, "tenantId", "applicationId", "messageId", "endpointId", "deliveryId", url, outcome,
                                trigger, "responseStatusCode", response, "durationMs", "errorKind", "errorMessage", "batchId",
                                "requestHeaders", "createdAt")
  SELECT a.id, a.tenant, a.app, a.msg, a.endpoint, a.delivery, a.url, 'success', a.trigger::"AttemptTrigger", a.status,
         a.response, a.duration, NULL, NULL, a.batch, a.headers::jsonb, a.at
    FROM a
), delivery AS (
  UPDATE "Delivery" d SET status = 'succeeded', "attemptCount" = a.count, "nextAttemptAt" = NULL,
                          "lastAttemptAt" = a.at, "updatedAt" = a.at, "reservedSlotAt" = NULL
    FROM a WHERE d.id = a.delivery
)
UPDATE "Endpoint" e SET "failingSince" = NULL, "consecutiveFailures" = 0
 WHERE e.id IN (SELECT endpoint FROM a) AND (e."failingSince" IS NOT NULL OR e."consecutiveFailures" > 0)`;

interface Success {
  attempt: AttemptRow;
  attemptCount: number;
}

const recordTogether = groupCommit(
  async (items: Success[]): Promise<(null | Error)[]> => {
    try {
      await recordAll(items);
      return items.map(() => null);
    } catch (error) {
      // One row can fail the statement (its delivery was deleted with its endpoint meanwhile):
      // record the others one by one, so only that one fails.
      if (items.length === 1 || isDatabaseUnavailable(error)) throw error;
      return Promise.all(
        items.map((item) =>
          recordAll([item]).then(
            () => null,
            (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
          ),
        ),
      );
    }
  },
  { maxItems: 200, maxParallel: 2 },
);

async function recordAll(items: Success[]): Promise<void> {
  const col = <T>(pick: (s: Success) => T) => items.map(pick);
  await pgPool().query({
    name: "hookline_record_successes",
    text: RECORD_SUCCESSES,
    values: [
      col((s) => s.attempt.id),
      col((s) => s.attempt.tenantId),
      col((s) => s.attempt.applicationId),
      col((s) => s.attempt.messageId),
      col((s) => s.attempt.endpointId),
      col((s) => s.attempt.deliveryId),
      col((s) => s.attempt.url),
      col((s) => s.attempt.trigger),
      col((s) => s.attempt.responseStatusCode),
      col((s) => s.attempt.response),
      col((s) => s.attempt.durationMs),
      col((s) => s.attempt.batchId),
      col((s) => JSON.stringify(s.attempt.requestHeaders)),
      col((s) => s.attempt.createdAt.toISOString()),
      col((s) => s.attemptCount),
    ],
  });
}

/**
 * Records a successful attempt: the attempt row, the delivery marked succeeded, and the endpoint's
 * run of failures ended. Concurrent successes share one statement.
 */
export async function recordSuccess(attempt: AttemptRow, attemptCount: number): Promise<void> {
  await recordTogether({ attempt, attemptCount });
}
