import type { DeliveryScheduler } from "@/lib/delivery/scheduler";
import { env } from "@/lib/env";
import { graphileScheduler } from "@/lib/jobs/graphile-scheduler";

/** The scheduler of the configured job driver (JOBS_DRIVER). */
export function deliveryScheduler(): DeliveryScheduler {
  switch (env().JOBS_DRIVER) {
    case "graphile":
      return graphileScheduler;
    default:
      throw new Error(`JOBS_DRIVER=${env().JOBS_DRIVER} is not available yet`);
  }
}
