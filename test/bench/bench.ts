// `npm run bench`: the whole stack on loopback, N messages with fan-out F through the REST API,
// measured end to end against a baseline of a plain keep-alive client, with the CPU each part
// used. `--profile` writes CPU profiles of the API server and the worker. See README, "Performance".
import { randomUUID } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { generateSecretKey } from "@/lib/signing/ed25519-keys";
import { signatureHeader } from "@/lib/signing/standard-webhooks";
import { cpuSeconds, treeCpuSeconds } from "./cpu";
import { startBenchReceiver } from "./receiver";
import { type BenchStack, percentile, pool, poster, root, rssMiB, startBenchStack } from "./stack";

const { values: flags } = parseArgs({
  options: {
    messages: { type: "string", default: "6000" },
    fanout: { type: "string", default: "3" },
    concurrency: { type: "string", default: "50" },
    "receiver-delay-ms": { type: "string", default: "0" },
    // Attempts in flight in the worker; default: the app's own default (WORKER_CONCURRENCY).
    "worker-concurrency": { type: "string" },
    json: { type: "boolean", default: false },
    // Give every endpoint a transformation (run in the QuickJS sandbox per delivery).
    transform: { type: "boolean", default: false },
    // Sign with Ed25519 keys (v1a) instead of HMAC secrets; the receiver verifies with whpk_.
    ed25519: { type: "boolean", default: false },
    // Write CPU profiles (.cpuprofile, for Chrome DevTools or speedscope) of the server and worker.
    profile: { type: "boolean", default: false },
    "profile-dir": { type: "string" },
  },
});
const N = Number(flags.messages);
const F = Number(flags.fanout);
const C = Number(flags.concurrency);
const DELAY = Number(flags["receiver-delay-ms"]);
const say = (line: string) => (flags.json ? process.stderr : process.stdout).write(`${line}\n`);
const profileDir = flags.profile
  ? path.resolve(
      flags["profile-dir"] ??
        path.join(root, "test-results/profiles", new Date().toISOString().replace(/[:.]/g, "-")),
    )
  : null;

const payload = (i: number) => ({
  invoiceId: `inv_${i}`,
  amount: 1000 + i,
  currency: "EUR",
  customer: { id: `cus_${i % 97}`, email: `c${i}@example.test` },
});

let stack: BenchStack | null = null;
try {
  say(`Hookline benchmark: ${N} messages × fan-out ${F}, concurrency ${C}, receiver delay ${DELAY} ms`);
  stack = await startBenchStack({ profileDir, workerConcurrency: flags["worker-concurrency"] });
  const { env, apiKey, svix, server, postgresPid } = stack;
  const worker = stack.worker!;
  // What the receiver verifies with (the secret, or the whpk_ public key), and what the baseline
  // client signs with (the secret, or the whsk_ secret key).
  const secrets = new Map<string, string>();
  const signingKeys = new Map<string, string>();
  const receiver = await startBenchReceiver(secrets, DELAY);
  const app = await svix.application.create({ name: "Bench" });
  await svix.eventType.create({ name: "bench.event", description: "" });
  for (let i = 0; i < F; i++) {
    const key = flags.ed25519 ? generateSecretKey() : undefined;
    const ep = await svix.endpoint.create(app.id, { url: `${receiver.url}/ep/${i}`, secret: key });
    secrets.set(`/ep/${i}`, (await svix.endpoint.getSecret(app.id, ep.id)).key);
    signingKeys.set(`/ep/${i}`, key ?? secrets.get(`/ep/${i}`)!);
    if (flags.transform)
      await svix.endpoint.transformation.patch(app.id, ep.id, {
        code: "function handler(webhook) { webhook.payload.transformed = true; webhook.headers['X-Bench'] = '1'; return webhook; }",
        enabled: true,
      });
  }

  // Send through the REST API and wait for every delivery.
  const accepted = new Map<string, number>();
  const post = poster(C);
  // CPU used from here until the last delivery arrives, per part of the stack.
  const cpuNow = () => ({
    api: cpuSeconds(server.child.pid),
    worker: cpuSeconds(worker.child.pid),
    postgres: postgresPid ? treeCpuSeconds(postgresPid) : 0,
    bench: process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6,
  });
  const cpuBefore = cpuNow();
  const started = performance.now();
  let rejected = 0;
  await pool(
    Array.from({ length: N }, (_, i) => i),
    C,
    async (i) => {
      const res = await post(
        `${env.APP_URL}/api/v1/app/${app.id}/msg`,
        JSON.stringify({ eventType: "bench.event", payload: payload(i) }),
        // As the svix SDK does on every POST.
        { authorization: `Bearer ${apiKey}`, "idempotency-key": randomUUID() },
      );
      if (res.status !== 202) rejected += 1;
      else accepted.set(JSON.parse(res.body).id, performance.now());
    },
  );
  const sendSeconds = (performance.now() - started) / 1000;
  const expected = accepted.size * F;
  let lastProgress = performance.now();
  let lastUnique = 0;
  while (receiver.stats().unique < expected && performance.now() - lastProgress < 60_000) {
    await new Promise((r) => setTimeout(r, 50));
    if (receiver.stats().unique !== lastUnique) {
      lastUnique = receiver.stats().unique;
      lastProgress = performance.now();
    }
  }
  const cpuAfter = cpuNow();
  const deliveredAt = [...receiver.firstArrival.values()];
  const deliverSeconds = (Math.max(...deliveredAt) - started) / 1000;
  const latencies = [...receiver.firstArrival.entries()]
    .map(([key, at]) => Math.max(0, at - (accepted.get(key.split(" ")[0]!) ?? at)))
    .sort((a, b) => a - b);
  const ours = receiver.stats();
  const rss = { serverMiB: rssMiB(server.child.pid), workerMiB: rssMiB(worker.child.pid) };

  // Baseline: a plain keep-alive client posting the same signed payloads at the same concurrency.
  receiver.reset();
  const baselineStarted = performance.now();
  await pool(
    Array.from({ length: N * F }, (_, i) => i),
    C,
    async (i) => {
      const body = JSON.stringify(payload(Math.floor(i / F)));
      const id = `msg_baseline_${i}`;
      const ts = Math.floor(Date.now() / 1000);
      const endpoint = `/ep/${i % F}`;
      await post(`${receiver.url}${endpoint}`, body, {
        "webhook-id": id,
        "webhook-timestamp": String(ts),
        "webhook-signature": signatureHeader([signingKeys.get(endpoint)!], id, ts, body),
      });
    },
  );
  const baselinePerSecond = (N * F) / ((performance.now() - baselineStarted) / 1000);

  const result = {
    messages: N,
    fanout: F,
    concurrency: C,
    receiverDelayMs: DELAY,
    transform: flags.transform,
    ed25519: flags.ed25519,
    acceptedPerSecond: Math.round(accepted.size / sendSeconds),
    deliveredPerSecond: Math.round(ours.unique / deliverSeconds),
    latencyMs: {
      p50: Math.round(percentile(latencies, 50)),
      p95: Math.round(percentile(latencies, 95)),
      p99: Math.round(percentile(latencies, 99)),
    },
    peakRss: rss,
    lost: expected - ours.unique + rejected * F,
    duplicated: ours.duplicates,
    badSignatures: ours.badSignatures,
    baselinePerSecond: Math.round(baselinePerSecond),
    ratioToBaseline: Number((ours.unique / deliverSeconds / baselinePerSecond).toFixed(3)),
    // CPU seconds each part used while the messages were sent and delivered, and per delivery
    // (milliseconds). "bench" is this process: the load generator and the verifying receiver.
    cpu: Object.fromEntries(
      (["api", "worker", "postgres", "bench"] as const).map((part) => {
        const seconds = cpuAfter[part] - cpuBefore[part];
        return [
          part,
          {
            seconds: Number(seconds.toFixed(2)),
            msPerDelivery: Number(((seconds * 1000) / Math.max(ours.unique, 1)).toFixed(3)),
          },
        ];
      }),
    ),
    wallSeconds: Number(deliverSeconds.toFixed(2)),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  };
  say(
    `accepted ${result.acceptedPerSecond} msg/s · delivered ${result.deliveredPerSecond} deliveries/s · p50/p95/p99 ${result.latencyMs.p50}/${result.latencyMs.p95}/${result.latencyMs.p99} ms`,
  );
  say(
    `lost ${result.lost} · duplicated ${result.duplicated} · bad signatures ${result.badSignatures} · peak RSS server ${rss.serverMiB} MiB, worker ${rss.workerMiB} MiB`,
  );
  say(`baseline ${result.baselinePerSecond} req/s · ours/baseline ${result.ratioToBaseline}`);
  say(
    `CPU over ${result.wallSeconds} s: ${Object.entries(result.cpu)
      .map(([part, c]) => `${part} ${c.seconds} s (${c.msPerDelivery} ms/delivery)`)
      .join(" · ")}`,
  );
  await receiver.close();
  await stack.cleanup();
  if (profileDir)
    say(
      `CPU profiles: ${profileDir}/{start,worker}.cpuprofile (npx tsx test/bench/profile-summary.ts <file>)`,
    );
  if (flags.json) console.log(JSON.stringify(result));
  process.exit(result.lost === 0 && result.badSignatures === 0 ? 0 : 1);
} catch (error) {
  console.error(error);
  await stack?.cleanup();
  process.exit(1);
}
