// `npm run worker`: delivery workers only, against DATABASE_URL (or the embedded database). Run as
// many as you like on one PostgreSQL. SIGINT/SIGTERM let in-flight attempts finish, then exit.
import { boot } from "@/lib/cli/boot";
import { disconnectDb } from "@/lib/db";
import { startGraphileWorker } from "@/lib/jobs/graphile/run-worker";

const log = (line: string) => console.log(`[hookline worker] ${line}`);
const booted = await boot(log);
if (booted.env.JOBS_DRIVER !== "graphile") {
  console.error(
    "JOBS_DRIVER=inngest: Inngest runs deliveries by calling /api/inngest on the app; no worker process is needed.",
  );
  process.exit(1);
}
if (booted.env.JOBS_DRIVER !== "graphile") {
  console.error(
    "JOBS_DRIVER is not 'graphile': deliveries run on Inngest, which calls /api/inngest; no worker process is needed.",
  );
  process.exit(1);
}
const runner = await startGraphileWorker({
  connectionString: booted.databaseUrl,
  concurrency: booted.env.WORKER_CONCURRENCY,
  log,
});
log(`Delivering with up to ${booted.env.WORKER_CONCURRENCY} attempts in flight.`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: finishing in-flight attempts…`);
  await runner.stop();
  await disconnectDb();
  await booted.shutdown();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
