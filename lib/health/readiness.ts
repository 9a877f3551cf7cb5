import { pgPool } from "@/lib/db";
import { env } from "@/lib/env";
import { localWorkers } from "@/lib/health/worker-registry";
import type { ReadinessOut } from "@/lib/schemas/health";

const CHECK_TIMEOUT_MS = 2000;

/**
 * Whether this process can deliver: PostgreSQL answers, and every worker it runs is running (not
 * restarting after an outage). Queue lag is reported, not judged: a backlog drains, a stopped
 * worker does not.
 */
export async function readiness(): Promise<ReadinessOut> {
  const reasons: string[] = [];
  const started = performance.now();
  let database: ReadinessOut["database"];
  let lagSeconds: number | null = null;
  try {
    const { rows } = await withTimeout(
      pgPool().query<{ age: number | null }>(
        `SELECT extract(epoch FROM now() - min("nextAttemptAt"))::float8 AS age
           FROM "Delivery" WHERE status = 'pending' AND "nextAttemptAt" <= now()`,
      ),
    );
    database = { ok: true, latencyMs: Math.round(performance.now() - started), error: null };
    const age = rows[0]?.age;
    lagSeconds = typeof age === "number" ? Math.max(0, age) : null;
  } catch (error) {
    database = { ok: false, latencyMs: null, error: (error as Error).message };
    reasons.push(`PostgreSQL does not answer: ${(error as Error).message}`);
  }
  const workers = localWorkers();
  for (const w of workers)
    if (w.state !== "running")
      reasons.push(`The ${w.name} worker is ${w.state}${w.lastError ? `: ${w.lastError}` : ""}`);
  return {
    status: reasons.length === 0 ? "ready" : "unavailable",
    reasons,
    database,
    jobs: {
      driver: env().JOBS_DRIVER,
      workers: workers.map((w) => ({ ...w, since: w.since.toISOString() })),
    },
    queue: { oldestDueDeliveryAgeSeconds: lagSeconds === null ? null : Number(lagSeconds.toFixed(3)) },
  };
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
