import { Svix } from "svix";
import { resetEnvCache } from "@/lib/env";
import { type DeliveryWorker, startDeliveryWorker } from "@/lib/jobs/graphile/run-worker";
import { startApiServer } from "./api-server";
import { freshDatabase } from "./database";
import { createTestTenant } from "./fixtures";

/** Test delivery settings: loopback allowed, a fast retry schedule, quick orphan detection. */
export const FAST_DELIVERY_ENV: Record<string, string> = {
  DELIVERY_ALLOW_CIDRS: "127.0.0.0/8,::1/128",
  DELIVERY_REQUIRE_HTTPS: "false",
  DELIVERY_RETRY_SCHEDULE: "0,200ms,400ms",
  DELIVERY_RETRY_JITTER: "0",
  DELIVERY_ORPHAN_GRACE: "500ms",
  DELIVERY_SWEEP_INTERVAL: "500ms",
};

/**
 * A database, the API over HTTP, a tenant with a svix client, and (unless `inProcessWorker` is
 * false, for tests that run worker processes of their own) a graphile worker.
 */
export async function startDeliveryStack(
  extraEnv: Record<string, string> = {},
  { inProcessWorker = true } = {},
) {
  Object.assign(process.env, FAST_DELIVERY_ENV, extraEnv);
  resetEnvCache();
  const databaseUrl = await freshDatabase();
  const api = await startApiServer();
  const tenant = await createTestTenant("delivery");
  const svix = new Svix(tenant.apiKey, { serverUrl: api.url });
  let worker: DeliveryWorker | null = inProcessWorker
    ? await startDeliveryWorker({ connectionString: databaseUrl, concurrency: 20 })
    : null;
  return {
    databaseUrl,
    api,
    tenant,
    svix,
    async stopWorker() {
      await worker?.stop();
      worker = null;
    },
    async restartWorker() {
      worker ??= await startDeliveryWorker({ connectionString: databaseUrl, concurrency: 20 });
    },
    async close() {
      await worker?.stop();
      await api.close();
    },
  };
}
