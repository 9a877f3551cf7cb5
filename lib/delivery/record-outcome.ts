import type { ClaimedDelivery } from "@/lib/delivery/claim-delivery";
import type { DeliveryConfig } from "@/lib/delivery/config";
import { emitAttemptEvent } from "@/lib/delivery/emit-attempt-event";
import { disableEndpoint, recordEndpointFailure } from "@/lib/delivery/endpoint-health";
import { type AttemptRow, recordSuccess } from "@/lib/delivery/record-success";
import { nextRetryDelay } from "@/lib/delivery/retry-policy";
import type { AttemptResult } from "@/lib/delivery/send-attempt";
import type { DeliveryStatus } from "@/lib/generated/prisma/enums";
import { newId } from "@/lib/ids";
import type { DeliveryTrigger } from "@/lib/jobs/delivery-request";
import { withDeliveries } from "@/lib/jobs/with-deliveries";

const FAILING_AFTER_ATTEMPTS = 4;

export interface RecordDeps {
  config: DeliveryConfig;
  random?: () => number;
}

/** One HTTP try and the deliveries it carried (one, or a batch led by the first). */
export interface AttemptOutcome {
  members: ClaimedDelivery[];
  result: AttemptResult;
  at: Date;
  trigger: DeliveryTrigger;
  batchId: string | null;
  /** As sent, with sensitive values redacted (see redactHeaders). */
  requestHeaders: Record<string, string>;
}

export interface Recorded {
  status: DeliveryStatus;
  nextAttemptAt: Date | null;
  endpointDisabled: boolean;
}

/**
 * Records what one HTTP try came to for every delivery it carried: an attempt row each, and each
 * delivery's next state. 2xx → succeeded. 410 → the endpoint is disabled and the deliveries
 * parked. Otherwise the endpoint's failure run grows once, and each delivery is retried at the
 * time the retry policy gives, or failed (the dead-letter queue). Failures and the next jobs are
 * one transaction. Returns the first delivery's new state.
 */
export async function recordOutcome(outcome: AttemptOutcome, deps: RecordDeps): Promise<Recorded> {
  const { members, result, at, batchId } = outcome;
  const attempts = members.map((d) => attemptRow(d, outcome));
  if (result.outcome === "success") {
    for (const [i, d] of members.entries()) {
      // The common case is one statement: attempt, delivery and endpoint health together.
      await recordSuccess(attempts[i]!, d.attemptCount + 1);
      if (d.attemptCount > 0) {
        await withDeliveries((tx, enqueue) =>
          emitAttemptEvent(tx, enqueue, "message.attempt.recovered", d, attempts[i]!),
        );
      }
    }
    return { status: "succeeded", nextAttemptAt: null, endpointDisabled: false };
  }

  return withDeliveries(async (tx, enqueue) => {
    const endpointId = members[0]!.endpointId;
    let endpointDisabled = false;
    if (result.status === 410) {
      // Standard Webhooks: 410 Gone means "stop sending": disable at once, keep the messages parked.
      endpointDisabled = true;
      await disableEndpoint(tx, enqueue, { endpointId, now: at, reason: "The endpoint answered 410 Gone" });
    } else {
      endpointDisabled = await recordEndpointFailure(tx, endpointId, at, deps.config, enqueue);
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
        await emitAttemptEvent(tx, enqueue, "message.attempt.failing", d, attempts[i]!);
      }
      if (status === "failed")
        await emitAttemptEvent(tx, enqueue, "message.attempt.exhausted", d, attempts[i]!);
      await tx.delivery.update({
        where: { id: d.id },
        data: { status, attemptCount: count, nextAttemptAt, lastAttemptAt: at, reservedSlotAt: null },
      });
      // A batch retries as a batch: only its first delivery gets a job, and gathers the others
      // (pending and due at the same time) when it runs. The sweep covers a lost job.
      if (nextAttemptAt && (i === 0 || !batchId))
        enqueue({ deliveryId: d.id, endpointId, runAt: nextAttemptAt, continuation: i === 0 });
      recorded.push({ status, nextAttemptAt, endpointDisabled });
    }
    return recorded[0]!;
  });
}

function attemptRow(d: ClaimedDelivery, outcome: AttemptOutcome): AttemptRow {
  const { result, at } = outcome;
  return {
    id: newId("atmpt", at.getTime()),
    tenantId: d.tenantId,
    applicationId: d.applicationId,
    messageId: d.messageId,
    endpointId: d.endpointId,
    deliveryId: d.id,
    url: d.url,
    outcome: result.outcome,
    trigger: outcome.trigger,
    responseStatusCode: result.status,
    response: storable(result.responseBody),
    durationMs: result.durationMs,
    errorKind: result.errorKind,
    errorMessage: result.errorMessage === null ? null : storable(result.errorMessage),
    batchId: outcome.batchId,
    requestHeaders: Object.fromEntries(
      Object.entries(outcome.requestHeaders).map(([k, v]) => [storable(k), storable(v)]),
    ),
    createdAt: at,
  };
}

/**
 * Text PostgreSQL can store: a receiver's answer (or an error quoting it) may hold U+0000 or, in
 * an error message, a lone surrogate, and either would make recording the attempt fail forever.
 */
function storable(text: string): string {
  return text.replaceAll("\u0000", "\uFFFD").toWellFormed();
}
