import { deliveryConfig } from "@/lib/delivery/config";
import { sweepOrphans } from "@/lib/delivery/sweep";
import { inngest } from "@/lib/inngest/client";
import { inngestScheduler } from "@/lib/inngest/scheduler";
import { retentionSweep } from "@/lib/messages/retention-sweep";

/**
 * Every minute: request deliveries whose run was lost (the sweep shared with graphile-worker);
 * once an hour, expunge content past each tenant's retention period.
 */
export const endpointHealth = inngest.createFunction(
  { id: "endpoint-health", triggers: [{ cron: "* * * * *" }] },
  async ({ step }) => {
    const rescheduled = await step.run("sweep-orphans", () =>
      sweepOrphans(inngestScheduler, new Date(), deliveryConfig().orphanGraceMs),
    );
    const retention =
      new Date().getMinutes() === 0 ? await step.run("retention", () => retentionSweep(new Date())) : null;
    return { rescheduled, retention };
  },
);
