import type { ClaimedDelivery } from "@/lib/delivery/claim-delivery";
import { deliveryConfig } from "@/lib/delivery/config";
import { deliver } from "@/lib/delivery/deliver";
import { attemptIds, reportAttempt } from "@/lib/delivery/report-attempt";
import type { AttemptResult } from "@/lib/delivery/send-attempt";
import { env } from "@/lib/env";
import { inngest } from "@/lib/jobs/inngest/client";
import { deliveryRequested } from "@/lib/jobs/inngest/events";

/**
 * On `delivery.requested`: attempt, and while our retry policy says "again at T", sleep until T
 * and attempt again. Decisions (schedule, Retry-After, 410, exhaustion) come from lib/delivery,
 * exactly as with graphile-worker; Inngest's own retries only cover a step that crashed.
 * Concurrency and throttle are keyed by endpoint, so one slow endpoint cannot starve the others
 * (static limits, read from the environment when the module loads: INNGEST_ENDPOINT_*).
 */
export const deliverMessage = inngest.createFunction(
  {
    id: "deliver-message",
    triggers: [deliveryRequested],
    concurrency: { key: "event.data.endpointId", limit: env().INNGEST_ENDPOINT_CONCURRENCY },
    throttle: {
      key: "event.data.endpointId",
      limit: env().INNGEST_ENDPOINT_THROTTLE,
      period: "1s",
      burst: env().INNGEST_ENDPOINT_THROTTLE,
    },
  },
  async ({ event, step }) => {
    const deps = {
      config: deliveryConfig(),
      // Its span joins the message's trace, as with graphile-worker: the claimed delivery carries it.
      onAnswered: (result: AttemptResult, delivery: ClaimedDelivery) =>
        reportAttempt(result, attemptIds(delivery)),
    };
    let trigger = event.data.trigger;
    const outcomes: string[] = [];
    for (let attempt = 1; ; attempt++) {
      // Step results are stored as JSON: nextAttemptAt comes back as a string.
      const outcome = await step.run(`attempt-${attempt}`, () =>
        deliver(event.data.deliveryId, deps, trigger),
      );
      outcomes.push(outcome.kind === "attempted" ? outcome.status : outcome.kind);
      // A retry, a rate-limit slot or a filling batch: sleep until then and go again.
      if (!("nextAttemptAt" in outcome) || !outcome.nextAttemptAt) return { outcomes };
      await step.sleepUntil(`wait-${attempt}`, new Date(outcome.nextAttemptAt));
      trigger = "scheduled";
    }
  },
);
