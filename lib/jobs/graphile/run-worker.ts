import { EventEmitter } from "node:events";
import { Logger, type Runner, run, type WorkerEvents } from "graphile-worker";
import pg from "pg";
import { utcSession } from "@/lib/db/utc-session";
import { deliveryConfig } from "@/lib/delivery/config";
import { deliveryDispatcher } from "@/lib/delivery/delivery-dispatcher";
import { reportAttempt } from "@/lib/delivery/report-attempt";
import { env } from "@/lib/env";
import { registerWorker, type WorkerState, type WorkerStatus } from "@/lib/health/worker-registry";
import { RETENTION_TASK, SWEEP_TASK } from "@/lib/jobs/graphile/graphile-driver";
import { taskList } from "@/lib/jobs/graphile/task-list";
import { reportInFlight } from "@/lib/metrics/gauges";

// A runner that stops on its own this many times within CRASH_WINDOW_MS while PostgreSQL answers
// is broken, not unlucky: the worker gives up and the process should exit for its supervisor.
const MAX_CRASHES = 5;
const CRASH_WINDOW_MS = 60_000;
const DATABASE_POLL_MS = 1000;
const JOB_CONCURRENCY = 16;

export interface WorkerOptions {
  connectionString: string;
  /** Attempts in flight at most (WORKER_CONCURRENCY). */
  concurrency: number;
  /** Attempts in flight to one endpoint at most (WORKER_ENDPOINT_CONCURRENCY; default: all of them). */
  endpointConcurrency?: number;
  log?: (line: string) => void;
  /** How the worker is named in health reports (default "delivery"). */
  name?: string;
  /** Sees each graphile-worker runner as it starts (the tests stop one to play a crash). */
  onRunner?: (runner: Runner) => void;
}

export interface DeliveryWorker {
  /** Lets in-flight attempts finish and stops. */
  stop(): Promise<void>;
  /** Rejects when the worker has given up for good (the process should exit non-zero); never resolves. */
  readonly failed: Promise<never>;
  status(): WorkerStatus;
}

/**
 * Runs delivery jobs on graphile-worker (lib/jobs/graphile/task-list.ts) under a supervisor.
 * graphile-worker 0.17 stops its worker pool when it cannot record a job's completion (PostgreSQL
 * restarted, the network dropped), and would otherwise stay stopped: the supervisor waits until
 * PostgreSQL answers again, unlocks the jobs the stopped pool held, and starts a new runner, with
 * the sweep due at once. Many workers can share one PostgreSQL; jobs are taken with SKIP LOCKED.
 */
export async function startDeliveryWorker(options: WorkerOptions): Promise<DeliveryWorker> {
  const log = options.log ?? (() => {});
  const name = options.name ?? "delivery";
  const connectionString = utcSession(options.connectionString);
  const events: WorkerEvents = new EventEmitter();
  let poolId: string | null = null;
  // Settles when the current pool starts shutting down on its own. graphile's graceful shutdown can
  // take minutes while PostgreSQL is away (it retries handing back its locally queued jobs), so the
  // supervisor acts on the start of the shutdown rather than waiting for the runner to finish.
  let poolShuttingDown: (reason: string) => void = () => {};
  events.on("pool:create", ({ workerPool }) => {
    poolId = workerPool.id;
  });
  events.on("pool:gracefulShutdown", ({ workerPool, message }) => {
    if (workerPool.id === poolId && !stopping) poolShuttingDown(message);
  });

  let state: WorkerState = "starting";
  let since = new Date();
  let restarts = 0;
  let lastError: string | null = null;
  let stopping = false;
  const setState = (next: WorkerState, error?: unknown) => {
    state = next;
    since = new Date();
    if (error !== undefined) lastError = error instanceof Error ? error.message : String(error);
  };
  const status = (): WorkerStatus => ({ name, state, since, restarts, lastError });
  const unregister = registerWorker(name, status);
  // Outlives the runners: attempts under way carry on through a runner's restart.
  const dispatcher = deliveryDispatcher({
    config: deliveryConfig(),
    maxInFlight: options.concurrency,
    endpointMaxInFlight: options.endpointConcurrency ?? options.concurrency,
    log,
    onAttempt: reportAttempt,
  });
  const stopReporting = reportInFlight(() => dispatcher.stats().inFlight);

  const startRunner = async (): Promise<Runner> => {
    const runner = await run({
      connectionString,
      // Jobs only claim and start attempts (the dispatcher runs them), so a few at a time suffice;
      // a job waits while the process has its fill of attempts in flight.
      concurrency: JOB_CONCURRENCY,
      noHandleSignals: true,
      events,
      // Jobs due in the future (retries, rate-limit slots) are found by polling.
      pollInterval: 250,
      preset: {
        worker: {
          maxPoolSize: JOB_CONCURRENCY + 2,
          localQueue: { size: JOB_CONCURRENCY, refetchDelay: { durationMs: 10 } },
          // Batched completion and failure: a database error there stops the pool cleanly (the
          // supervisor restarts it) instead of surfacing as an unhandled rejection.
          completeJobBatchDelay: 2,
          failJobBatchDelay: 2,
        },
      },
      logger: quietLogger,
      taskList: taskList(deliveryConfig(), dispatcher, env().DELIVERY_SWEEP_INTERVAL, log),
    });
    runner.promise.catch(() => undefined);
    options.onRunner?.(runner);
    try {
      // The sweep runs at once (a backoff left by failures during an outage is reset) …
      await runner.addJob(SWEEP_TASK, {}, { jobKey: SWEEP_TASK, jobKeyMode: "replace" });
      // … and retention keeps its hourly time.
      await runner.addJob(RETENTION_TASK, {}, { jobKey: RETENTION_TASK, jobKeyMode: "preserve_run_at" });
    } catch {
      // PostgreSQL went away again: the runner stops on its own and is restarted.
    }
    return runner;
  };

  let current = await startRunner();
  setState("running");

  let giveUp: (error: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => {
    giveUp = reject;
  });
  failed.catch(() => undefined);

  const supervise = async () => {
    const crashes: number[] = [];
    for (;;) {
      const reason = await new Promise<string>((resolve) => {
        poolShuttingDown = resolve;
        current.promise.then(
          () => resolve("it stopped"),
          (error: unknown) => resolve(error instanceof Error ? error.message : String(error)),
        );
      });
      if (stopping) return;
      setState("restarting", reason);
      log(`The delivery worker's job runner stopped (${reason}); restarting once PostgreSQL answers.`);
      // The stopped runner finishes (or not) on its own; its jobs are unlocked below.
      const deadPool = poolId;
      for (;;) {
        if (!(await waitForDatabase(connectionString, () => stopping))) return;
        try {
          if (deadPool) await unlockPool(connectionString, deadPool);
          current = await startRunner();
          break;
        } catch (startError) {
          lastError = (startError as Error).message;
          await sleep(DATABASE_POLL_MS);
        }
      }
      if (stopping) {
        await current.stop().catch(() => undefined);
        return;
      }
      restarts += 1;
      setState("running");
      log("The delivery worker is running again.");
      const now = Date.now();
      crashes.push(now);
      while (crashes[0]! < now - CRASH_WINDOW_MS) crashes.shift();
      if (crashes.length >= MAX_CRASHES) {
        stopping = true;
        await current.stop().catch(() => undefined);
        setState("failed", `its job runner stopped ${crashes.length} times within a minute`);
        giveUp(new Error(`The delivery worker gave up: ${lastError}`));
        return;
      }
    }
  };
  const supervising = supervise();

  return {
    failed,
    status,
    async stop() {
      if (stopping && state === "stopped") return;
      stopping = true;
      // The dispatcher lets waiting jobs go and hands its lines back while the runner stops.
      const closing = dispatcher.close();
      await current.stop().catch(() => undefined);
      await supervising;
      await closing;
      // graphile-worker 0.17 can fail to hand back the jobs its local queue held when it stops
      // ("Cannot background something when the queue is already released"): they would stay
      // locked for 4 hours. Nothing of this pool runs any more, so they are released here.
      if (poolId) await unlockPool(connectionString, poolId).catch(() => undefined);
      setState("stopped");
      unregister();
      stopReporting();
    },
  };
}

/** Resolves true once PostgreSQL answers, or false if `cancelled()` first. */
async function waitForDatabase(connectionString: string, cancelled: () => boolean): Promise<boolean> {
  while (!cancelled()) {
    const client = new pg.Client({ connectionString, connectionTimeoutMillis: 2000 });
    client.on("error", () => undefined);
    try {
      await client.connect();
      await client.query("SELECT 1");
      return true;
    } catch {
      await sleep(DATABASE_POLL_MS);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return false;
}

/** Releases the jobs a stopped pool still held, so they run now rather than after graphile's 4 hours. */
async function unlockPool(connectionString: string, poolId: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT graphile_worker.force_unlock_workers($1::text[])", [[poolId]]);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// graphile-worker's own messages: warnings and errors only (its info lines are per-start noise).
// Its advice to size the pool above the concurrency does not apply here: our tasks use their own
// pool and hold no connection while an HTTP attempt is in flight. While PostgreSQL is away it
// reports the same failure every poll (4 a second): each distinct line is printed once per
// REPEAT_WINDOW_MS, with how many were left out.
const REPEAT_WINDOW_MS = 10_000;
const lastPrinted = new Map<string, { at: number; suppressed: number }>();
const quietLogger = new Logger(() => (level, message) => {
  if ((level !== "error" && level !== "warning") || message.includes("maxPoolSize")) return;
  const line = message.split("\n")[0]!;
  const seen = lastPrinted.get(line);
  const now = Date.now();
  if (seen && now - seen.at < REPEAT_WINDOW_MS) {
    seen.suppressed += 1;
    return;
  }
  const repeats = seen?.suppressed
    ? ` (${seen.suppressed} more like it in the last ${REPEAT_WINDOW_MS / 1000} s)`
    : "";
  lastPrinted.set(line, { at: now, suppressed: 0 });
  if (lastPrinted.size > 100) lastPrinted.clear();
  console.error(`[graphile-worker] ${level}: ${line}${repeats}`);
});
