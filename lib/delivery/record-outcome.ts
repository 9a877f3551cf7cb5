import { db } from "@/lib/db";
import type { ClaimedDelivery } from "@/lib/delivery/claim-delivery";
import type { DeliveryConfig } from "@/lib/delivery/config";
import { emitAttemptEvent } from "@/lib/delivery/emit-attempt-event";
import { disableEndpoint, recordEndpointFailure } from "@/lib/delivery/endpoint-health";
import { type AttemptRow, recordSuccess } from "@/lib/delivery/record-success";
import { nextRetryDelay } from "@/lib/delivery/retry-policy";
import type { DeliveryScheduler } from "@/lib/delivery/scheduler";
import type { AttemptResult } from "@/lib/delivery/send-attempt";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import { newId } from "@/lib/ids";

const FAILING_AFTER_ATTEMPTS = 4;

export interface RecordDeps {
  config: DeliveryConfig;
  scheduler: DeliveryScheduler;
  random?: () => number;
}

export interface Recorded {
  status: DeliveryStatus;
  nextAttemptAt: Date | null;
  endpointDisabled: boolean;
}

/**
 * Records what one HTTP try came to for every delivery it carried (one, or a batch): an attempt
 * row each, and each delivery's next state. 2xx → succeeded. 410 → the endpoint is disabled and
 * the deliveries parked. Otherwise the endpoint's failure run grows once, and each delivery is
 * retried at the time the retry policy gives, or failed (the dead-letter queue). Failures and the
 * next jobs are one transaction. Returns the first delivery's new state.
 */
export async function recordOutcome(
  members: ClaimedDelivery[],
  result: AttemptResult,
  at: Date,
  trigger: "scheduled" | "manual",
  batchId: string | null,
  requestHeaders: Record<string, string>,
  deps: RecordDeps,
): Promise<Recorded> {
  const attempts = members.map((d) => attemptRow(d, result, at, trigger, batchId, requestHeaders));
  if (result.outcome === "success") {
    for (const [i, d] of members.entries()) {
      // The common case is one statement: attempt, delivery and endpoint health together.
      await recordSuccess(attempts[i]!, d.attemptCount + 1);
      if (d.attemptCount > 0) {
        await db.$transaction((tx) =>
          emitAttemptEvent(tx, deps.scheduler, "message.attempt.recovered", d, attempts[i]!),
        );
      }
    }
    return { status: "succeeded", nextAttemptAt: null, endpointDisabled: false };
  }

  return db.$transaction(async (tx) => {
    const endpointId = members[0]!.endpointId;
    let endpointDisabled = false;
    if (result.status === 410) {
      // Standard Webhooks: 410 Gone means "stop sending": disable at once, keep the messages parked.
      endpointDisabled = true;
      await disableEndpoint(tx, deps.scheduler, endpointId, at, "The endpoint answered 410 Gone");
    } else {
      endpointDisabled = await recordEndpointFailure(tx, endpointId, at, deps.config, deps.scheduler);
    }
    const recorded: Recorded[] = [];
    for (const [i, d] of members.entries()) {
      const count = d.attemptCount + 1;
      const delay =
        result.permanent || endpointDisabled
          ? null
          : nextRetryDelay(deps.config.retry, count, result.retryAfterMs, deps.random);
      const status: DeliveryStatus = endpointDisabled ? "parked" : delay === null ? "failed" : "pending";
      const nextAttemptAt = status === "pending" ? new Date(at.getTime() + delay!) : null;
      await tx.messageAttempt.create({ data: attempts[i]! });
      // Tell the tenant: after the 4th failed attempt, and when retries are exhausted.
      if (count === FAILING_AFTER_ATTEMPTS && status === "pending") {
        await emitAttemptEvent(tx, deps.scheduler, "message.attempt.failing", d, attempts[i]!);
      }
      if (status === "failed")
        await emitAttemptEvent(tx, deps.scheduler, "message.attempt.exhausted", d, attempts[i]!);
      await tx.delivery.update({
        where: { id: d.id },
        data: { status, attemptCount: count, nextAttemptAt, lastAttemptAt: at, reservedSlotAt: null },
      });
      // A batch retries as a batch: only its first delivery gets a job, and gathers the others
      // (pending and due at the same time) when it runs. The sweep covers a lost job.
      if (nextAttemptAt && (i === 0 || !batchId))
        await deps.scheduler.schedule(tx, [{ deliveryId: d.id, runAt: nextAttemptAt }]);
      recorded.push({ status, nextAttemptAt, endpointDisabled });
    }
    return recorded[0]!;
  });
}

function attemptRow(
  d: ClaimedDelivery,
  result: AttemptResult,
  at: Date,
  trigger: "scheduled" | "manual",
  batchId: string | null,
  requestHeaders: Record<string, string>,
): AttemptRow {
  return {
    id: newId("atmpt", at.getTime()),
    tenantId: d.tenantId,
    applicationId: d.applicationId,
    messageId: d.messageId,
    endpointId: d.endpointId,
    deliveryId: d.id,
    url: d.url,
    outcome: result.outcome,
    trigger,
    responseStatusCode: result.status,
    response: result.responseBody,
    durationMs: result.durationMs,
    errorKind: result.errorKind,
    errorMessage: result.errorMessage,
    batchId,
    requestHeaders,
    createdAt: at,
  };
}
