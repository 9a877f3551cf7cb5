import { env } from "@/lib/env";
import type { JobDriver } from "@/lib/jobs/delivery-request";
import { graphileDriver } from "@/lib/jobs/graphile/graphile-driver";
import { inngestDriver } from "@/lib/jobs/inngest/inngest-driver";

/** The job driver JOBS_DRIVER names (graphile-worker by default), for the whole process. */
export function jobDriver(): JobDriver {
  return env().JOBS_DRIVER === "inngest" ? inngestDriver : graphileDriver;
}
