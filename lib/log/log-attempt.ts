import type { AttemptIds } from "@/lib/delivery/delivery-dispatcher";
import type { AttemptResult } from "@/lib/delivery/send-attempt";
import { logger } from "@/lib/log/logger";
import { attemptOutcome } from "@/lib/metrics/metrics";

/**
 * One delivery attempt's log line: the message, delivery, endpoint and tenant ids, the outcome,
 * status and duration. Failures at info, successes at debug (at thousands a second they would
 * drown everything else; LOG_LEVEL=debug shows them). Never the payload, the response body or
 * header values.
 */
export function logAttempt(result: AttemptResult, ids: Partial<AttemptIds>): void {
  const line = {
    msgId: ids.messageId,
    deliveryId: ids.deliveryId,
    endpointId: ids.endpointId,
    tenantId: ids.tenantId,
    outcome: attemptOutcome(result.errorKind),
    status: result.status,
    durationMs: result.durationMs,
    permanent: result.permanent || undefined,
  };
  if (result.outcome === "success") logger().debug(line, "attempt");
  else logger().info(line, "attempt failed");
}
