import type { DeliveryScheduler } from "@/lib/delivery/scheduler";
import { env } from "@/lib/env";
import { inngestScheduler } from "@/lib/inngest/scheduler";
import { graphileScheduler } from "@/lib/jobs/graphile-scheduler";

/** The scheduler of the configured job driver (JOBS_DRIVER). */
export function deliveryScheduler(): DeliveryScheduler {
  return env().JOBS_DRIVER === "inngest" ? inngestScheduler : graphileScheduler;
}
