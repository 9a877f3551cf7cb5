import { deliveryConfig } from "@/lib/delivery/config";
import { sweepOrphans } from "@/lib/delivery/sweep";
import { inngest } from "@/lib/inngest/client";
import { inngestScheduler } from "@/lib/inngest/scheduler";

/** Every minute: request deliveries whose run was lost (the sweep shared with graphile-worker). */
export const endpointHealth = inngest.createFunction(
  { id: "endpoint-health", triggers: [{ cron: "* * * * *" }] },
  async ({ step }) => {
    const rescheduled = await step.run("sweep-orphans", () =>
      sweepOrphans(inngestScheduler, new Date(), deliveryConfig().orphanGraceMs),
    );
    return { rescheduled };
  },
);
