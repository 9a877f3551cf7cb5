import type { DeliveryScheduler } from "@/lib/delivery/scheduler";
import { graphileScheduler } from "@/lib/jobs/graphile-scheduler";

/** The scheduler of the configured job driver (JOBS_DRIVER; graphile-worker is the one built so far). */
export function deliveryScheduler(): DeliveryScheduler {
  return graphileScheduler;
}
