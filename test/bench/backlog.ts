// `npm run bench:backlog`: N pending deliveries written straight into PostgreSQL (with their
// jobs, as the API would have written them), then one worker drains them to a verifying receiver,
// its memory sampled every second: it must not grow with the backlog. See README, "Performance".
import { parseArgs } from "node:util";
import pg from "pg";
import { utcSession } from "@/lib/db/utc-session";
import { startBenchReceiver } from "./receiver";
import { type BenchStack, rssMiB, startBenchStack } from "./stack";

const { values: flags } = parseArgs({
  options: {
    deliveries: { type: "string", default: "1000000" },
    fanout: { type: "string", default: "3" },
    json: { type: "boolean", default: false },
  },
});
const F = Number(flags.fanout);
const MESSAGES = Math.ceil(Number(flags.deliveries) / F);
const CHUNK = 50_000;
const say = (line: string) => (flags.json ? process.stderr : process.stdout).write(`${line}\n`);

let stack: BenchStack | null = null;
try {
  say(`Backlog: ${MESSAGES * F} pending deliveries (${MESSAGES} messages × fan-out ${F}), then one worker`);
  stack = await startBenchStack({ worker: false });
  const { svix } = stack;
  const secrets = new Map<string, string>();
  const receiver = await startBenchReceiver(secrets, 0);
  const app = await svix.application.create({ name: "Backlog" });
  await svix.eventType.create({ name: "bench.event", description: "" });
  for (let i = 0; i < F; i++) {
    const ep = await svix.endpoint.create(app.id, { url: `${receiver.url}/ep/${i}` });
    secrets.set(`/ep/${i}`, (await svix.endpoint.getSecret(app.id, ep.id)).key);
  }

  const db = new pg.Client({ connectionString: utcSession(stack.databaseUrl) });
  await db.connect();
  const { rows } = await db.query<{ tenantId: string }>(
    `SELECT "tenantId" FROM "Application" WHERE id = $1`,
    [app.id],
  );
  const tenantId = rows[0]!.tenantId;
  const writeStarted = performance.now();
  for (let from = 0; from < MESSAGES; from += CHUNK) {
    const to = Math.min(MESSAGES, from + CHUNK);
    // Messages, their deliveries and one job per 100 deliveries, as the API writes them.
    await db.query("BEGIN");
    await db.query(
      `INSERT INTO "Message" (id, "tenantId", "applicationId", "eventType", payload, "createdAt")
       SELECT 'msg_backlog' || lpad(i::text, 11, '0'), $1, $2, 'bench.event',
              jsonb_build_object('invoiceId', 'inv_' || i, 'amount', 1000 + i), now()
         FROM generate_series($3::int, $4::int - 1) i`,
      [tenantId, app.id, from, to],
    );
    await db.query(
      `WITH d AS (
         INSERT INTO "Delivery" (id, "tenantId", "applicationId", "messageId", "endpointId", status, "nextAttemptAt", "createdAt", "updatedAt")
         SELECT 'dlv_' || substr(m.id, 5) || '_' || substr(e.id, 4), m."tenantId", m."applicationId", m.id, e.id, 'pending', now(), now(), now()
           FROM "Message" m JOIN "Endpoint" e ON e."applicationId" = m."applicationId"
          WHERE m."applicationId" = $1 AND m.id >= 'msg_backlog' || lpad($2::text, 11, '0') AND m.id < 'msg_backlog' || lpad($3::text, 11, '0')
         RETURNING id, "endpointId"
       ), numbered AS (
         SELECT id, "endpointId", (row_number() OVER (ORDER BY id) - 1) / 100 AS job FROM d
       )
       SELECT count(*) FROM graphile_worker.add_jobs((
         SELECT array_agg(ROW('deliver', json_build_object('deliveryIds', ids, 'endpointIds', eps, 'trigger', 'scheduled'),
                              NULL, now(), 5, NULL, NULL, NULL)::graphile_worker.job_spec)
           FROM (SELECT array_agg(id ORDER BY id) AS ids, array_agg("endpointId" ORDER BY id) AS eps FROM numbered GROUP BY job) j))`,
      [app.id, from, to],
    );
    await db.query("COMMIT");
  }
  await db.end();
  const total = MESSAGES * F;
  say(
    `Wrote ${total} pending deliveries in ${((performance.now() - writeStarted) / 1000).toFixed(1)} s; starting the worker`,
  );

  const worker = await stack.startWorker();
  const started = performance.now();
  const samples: { delivered: number; rssMiB: number }[] = [];
  let lastProgress = performance.now();
  let last = 0;
  while (receiver.stats().unique < total && performance.now() - lastProgress < 60_000) {
    await new Promise((r) => setTimeout(r, 1000));
    const delivered = receiver.stats().unique;
    samples.push({ delivered, rssMiB: rssMiB(worker.child.pid, "now") ?? 0 });
    if (delivered !== last) {
      last = delivered;
      lastProgress = performance.now();
    }
    if (samples.length % 10 === 0)
      say(`${delivered}/${total} delivered, worker RSS ${samples.at(-1)!.rssMiB} MiB`);
  }
  const seconds = (performance.now() - started) / 1000;
  const at = (fraction: number) => samples.find((s) => s.delivered >= fraction * total)?.rssMiB ?? null;
  const result = {
    deliveries: total,
    delivered: receiver.stats().unique,
    duplicated: receiver.stats().duplicates,
    drainedPerSecond: Math.round(receiver.stats().unique / seconds),
    workerRssMiB: {
      at10: at(0.1),
      at50: at(0.5),
      at90: at(0.9),
      peak: rssMiB(worker.child.pid, "peak"),
    },
  };
  say(
    `drained ${result.delivered}/${total} at ${result.drainedPerSecond}/s; worker RSS at 10/50/90 %: ${result.workerRssMiB.at10}/${result.workerRssMiB.at50}/${result.workerRssMiB.at90} MiB, peak ${result.workerRssMiB.peak} MiB`,
  );
  await receiver.close();
  await stack.cleanup();
  if (flags.json) console.log(JSON.stringify(result));
  process.exit(result.delivered === total ? 0 : 1);
} catch (error) {
  console.error(error);
  await stack?.cleanup();
  process.exit(1);
}
