import { Logger, type Runner, run } from "graphile-worker";
import { utcSession } from "@/lib/db/utc-session";
import { deliveryConfig } from "@/lib/delivery/config";
import { env } from "@/lib/env";
import { RETENTION_TASK, SWEEP_TASK } from "@/lib/jobs/graphile/graphile-driver";
import { taskList } from "@/lib/jobs/graphile/task-list";

// graphile-worker's own messages: warnings and errors only (its info lines are per-start noise).
// Its advice to size the pool above the concurrency does not apply here: our tasks use their own
// pool and hold no connection while an HTTP attempt is in flight.
const quietLogger = new Logger(() => (level, message) => {
  if ((level === "error" || level === "warning") && !message.includes("maxPoolSize")) {
    console.error(`[graphile-worker] ${level}: ${message}`);
  }
});

export interface WorkerOptions {
  connectionString: string;
  concurrency: number;
  log?: (line: string) => void;
}

/**
 * Runs delivery jobs on graphile-worker (lib/jobs/graphile/task-list.ts). Many workers can share
 * one PostgreSQL; jobs are taken with SKIP LOCKED. `stop()` lets in-flight attempts finish.
 */
export async function startGraphileWorker(options: WorkerOptions): Promise<Runner> {
  const runner = await run({
    connectionString: utcSession(options.connectionString),
    concurrency: options.concurrency,
    noHandleSignals: true,
    // Jobs due in the future (retries, rate-limit slots) are found by polling.
    pollInterval: 250,
    preset: {
      worker: {
        maxPoolSize: Math.min(options.concurrency + 2, 20),
        localQueue: { size: Math.max(options.concurrency, 50), refetchDelay: { durationMs: 10 } },
        completeJobBatchDelay: 2,
      },
    },
    logger: quietLogger,
    taskList: taskList(deliveryConfig(), env().DELIVERY_SWEEP_INTERVAL, options.log ?? (() => {})),
  });
  await runner.addJob(SWEEP_TASK, {}, { jobKey: SWEEP_TASK });
  await runner.addJob(RETENTION_TASK, {}, { jobKey: RETENTION_TASK, jobKeyMode: "preserve_run_at" });
  return runner;
}
