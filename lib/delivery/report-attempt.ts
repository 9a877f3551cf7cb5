import type { ClaimedDelivery } from "@/lib/delivery/claim-delivery";
import type { AttemptIds } from "@/lib/delivery/delivery-dispatcher";
import type { AttemptResult } from "@/lib/delivery/send-attempt";
import { logAttempt } from "@/lib/log/log-attempt";
import { attemptOutcome, observeAttempt } from "@/lib/metrics/metrics";
import { traceAttempt } from "@/lib/tracing/tracing";

/** The ids an attempt is reported under, from its claimed delivery. */
export function attemptIds(delivery: ClaimedDelivery): AttemptIds {
  return {
    deliveryId: delivery.id,
    messageId: delivery.messageId,
    endpointId: delivery.endpointId,
    tenantId: delivery.tenantId,
    traceParent: delivery.traceParent,
  };
}

/**
 * What every job driver tells the outside about an answered attempt: its metrics, its log line,
 * and its span in the message's trace (the traceparent stored when the message was accepted).
 */
export function reportAttempt(result: AttemptResult, ids: AttemptIds): void {
  observeAttempt(result);
  logAttempt(result, ids);
  traceAttempt(result, ids, attemptOutcome(result.errorKind));
}
