import { Logger, type Runner, run } from "graphile-worker";
import { utcSession } from "@/lib/db/utc-session";
import { deliveryConfig } from "@/lib/delivery/config";
import { deliver } from "@/lib/delivery/deliver";
import { sweepOrphans } from "@/lib/delivery/sweep";
import { env } from "@/lib/env";
import { DELIVER_TASK, graphileScheduler, RETENTION_TASK, SWEEP_TASK } from "@/lib/jobs/graphile-scheduler";
import { retentionSweep } from "@/lib/messages/retention-sweep";

const RETENTION_EVERY_MS = 60 * 60 * 1000;

// graphile-worker's own messages: warnings and errors only (its info lines are per-start noise).
// Its advice to size the pool above the concurrency does not apply here: our tasks use their own
// (Prisma) pool and hold no connection while an HTTP attempt is in flight.
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
 * Runs delivery jobs on graphile-worker: the `deliver` task is a thin call into lib/delivery, and
 * the `sweep` task re-schedules orphaned deliveries and then re-schedules itself. Many workers can
 * share one PostgreSQL; jobs are taken with SKIP LOCKED. `stop()` lets in-flight attempts finish.
 */
export async function startGraphileWorker(options: WorkerOptions): Promise<Runner> {
  const config = deliveryConfig();
  const deps = { config, scheduler: graphileScheduler };
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
    taskList: {
      [DELIVER_TASK]: async (payload) => {
        const job = payload as { deliveryId: string; trigger?: "scheduled" | "manual" };
        await deliver(job.deliveryId, deps, job.trigger === "manual" ? "manual" : "scheduled");
      },
      [SWEEP_TASK]: async (_payload, helpers) => {
        const count = await sweepOrphans(graphileScheduler, new Date(), config.orphanGraceMs);
        if (count > 0) options.log?.(`Re-scheduled ${count} orphaned deliveries.`);
        await helpers.addJob(
          SWEEP_TASK,
          {},
          { jobKey: SWEEP_TASK, runAt: new Date(Date.now() + env().DELIVERY_SWEEP_INTERVAL) },
        );
      },
      [RETENTION_TASK]: async (_payload, helpers) => {
        const { messages, attempts } = await retentionSweep(new Date());
        if (messages + attempts > 0)
          options.log?.(`Retention: expunged ${messages} payloads and ${attempts} response bodies.`);
        await helpers.addJob(
          RETENTION_TASK,
          {},
          { jobKey: RETENTION_TASK, runAt: new Date(Date.now() + RETENTION_EVERY_MS) },
        );
      },
    },
  });
  await runner.addJob(SWEEP_TASK, {}, { jobKey: SWEEP_TASK });
  await runner.addJob(RETENTION_TASK, {}, { jobKey: RETENTION_TASK, jobKeyMode: "preserve_run_at" });
  return runner;
}
