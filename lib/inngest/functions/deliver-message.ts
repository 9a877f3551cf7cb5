import { deliveryConfig } from "@/lib/delivery/config";
import { deliver } from "@/lib/delivery/deliver";
import { inngest } from "@/lib/inngest/client";
import { deliveryRequested } from "@/lib/inngest/events";
import { inngestScheduler } from "@/lib/inngest/scheduler";

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
    concurrency: {
      key: "event.data.endpointId",
      limit: Number(process.env.INNGEST_ENDPOINT_CONCURRENCY || 50),
    },
    throttle: {
      key: "event.data.endpointId",
      limit: Number(process.env.INNGEST_ENDPOINT_THROTTLE || 100),
      period: "1s",
      burst: Number(process.env.INNGEST_ENDPOINT_THROTTLE || 100),
    },
  },
  async ({ event, step }) => {
    const deps = { config: deliveryConfig(), scheduler: inngestScheduler };
    let trigger = event.data.trigger ?? "scheduled";
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
