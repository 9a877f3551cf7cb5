// `npm run worker`: delivery workers only, against DATABASE_URL (or the embedded database). Run as
// many as you like on one PostgreSQL. Probes and /metrics on WORKER_HEALTH_PORT when set. SIGINT/SIGTERM let
// in-flight attempts finish, then exit; a worker that gives up for good exits with 1.
import { boot } from "@/lib/cli/boot";
import { disconnectDb } from "@/lib/db";
import { startHealthServer } from "@/lib/health/health-server";
import { startDeliveryWorker } from "@/lib/jobs/graphile/run-worker";
import { logger } from "@/lib/log/logger";
import { startTracing } from "@/lib/tracing/start-tracing";

const log = (line: string) => logger().info({ process: "worker" }, line);
const booted = await boot(log);
const flushTraces = startTracing("hookline-worker");
if (booted.env.JOBS_DRIVER !== "graphile") {
  console.error(
    "JOBS_DRIVER=inngest: Inngest runs deliveries by calling /api/inngest on the app; no worker process is needed.",
  );
  process.exit(1);
}
const worker = await startDeliveryWorker({
  connectionString: booted.databaseUrl,
  concurrency: booted.env.WORKER_CONCURRENCY,
  endpointConcurrency: booted.env.WORKER_ENDPOINT_CONCURRENCY,
  log,
});
const health =
  booted.env.WORKER_HEALTH_PORT === undefined
    ? null
    : await startHealthServer(booted.env.WORKER_HEALTH_PORT, booted.env.HOST);
if (health) log(`Health: http://${booted.env.HOST}:${health.port}/health/ready (metrics: /metrics)`);
log(`Delivering with up to ${booted.env.WORKER_CONCURRENCY} attempts in flight.`);

let stopping = false;
async function shutdown(why: string, code: number) {
  if (stopping) return;
  stopping = true;
  log(`${why}: finishing in-flight attempts…`);
  await worker.stop();
  await flushTraces?.().catch(() => undefined);
  await health?.close();
  await disconnectDb();
  await booted.shutdown();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown("SIGINT", 0));
process.on("SIGTERM", () => void shutdown("SIGTERM", 0));
worker.failed.catch((error: Error) => {
  console.error(`[hookline worker] ${error.message}`);
  void shutdown("The worker stopped for good", 1);
});
