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
  SELECT * FROM json_to_recordset($1::json)
    AS a(id text, tenant text, app text, msg text, endpoint text, delivery text, url text, trigger text, status int,
         response text, duration int, batch text, headers jsonb, at timestamptz, count int)
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

// The rows travel as one JSON text: JSON.stringify is native, where fifteen arrays went through
// pg's element-by-element array quoting (the worker's largest allocation site).
async function recordAll(items: Success[]): Promise<void> {
  const rows = items.map(({ attempt: a, attemptCount }) => ({
    id: a.id,
    tenant: a.tenantId,
    app: a.applicationId,
    msg: a.messageId,
    endpoint: a.endpointId,
    delivery: a.deliveryId,
    url: a.url,
    trigger: a.trigger,
    status: a.responseStatusCode,
    response: a.response,
    duration: a.durationMs,
    batch: a.batchId,
    headers: a.requestHeaders,
    at: a.createdAt,
    count: attemptCount,
  }));
  await pgPool().query({
    name: "hookline_record_successes",
    text: RECORD_SUCCESSES,
    values: [JSON.stringify(rows)],
  });
}

/**
 * Records a successful attempt: the attempt row, the delivery marked succeeded, and the endpoint's
 * run of failures ended. Concurrent successes share one statement.
 */
export async function recordSuccess(attempt: AttemptRow, attemptCount: number): Promise<void> {
  await recordTogether({ attempt, attemptCount });
}
