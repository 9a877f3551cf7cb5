// `npm run bench:fairness`: one application's hung endpoints (TCP accepted, never answered) with
// messages in flight, while another application sends messages to one fast endpoint: how long do
// the other application's messages take? See README, "Performance".
import http from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { startBenchReceiver } from "./receiver";
import { type BenchStack, percentile, pool, poster, startBenchStack } from "./stack";

const { values: flags } = parseArgs({
  options: {
    "hung-endpoints": { type: "string", default: "100" },
    "hung-messages": { type: "string", default: "5" },
    messages: { type: "string", default: "50" },
    json: { type: "boolean", default: false },
  },
});
const HUNG = Number(flags["hung-endpoints"]);
const HUNG_MESSAGES = Number(flags["hung-messages"]);
const N = Number(flags.messages);
const say = (line: string) => (flags.json ? process.stderr : process.stdout).write(`${line}\n`);

let stack: BenchStack | null = null;
const hungSockets = new Set<import("node:net").Socket>();
const hung = http.createServer((req) => {
  hungSockets.add(req.socket);
  req.resume(); // read the request, never answer
});
try {
  say(
    `Fairness: ${HUNG} hung endpoints × ${HUNG_MESSAGES} messages, then ${N} messages to one fast endpoint`,
  );
  stack = await startBenchStack({});
  const { env, apiKey, svix } = stack;
  let hungRequests = 0;
  hung.on("request", () => {
    hungRequests += 1;
  });
  await new Promise<void>((resolve) => hung.listen(0, "127.0.0.1", resolve));
  const hungUrl = `http://127.0.0.1:${(hung.address() as AddressInfo).port}`;
  const secrets = new Map<string, string>();
  const fast = await startBenchReceiver(secrets, 0);
  await svix.eventType.create({ name: "bench.event", description: "" });
  const post = poster(20);
  const auth = { authorization: `Bearer ${apiKey}` };

  const noisy = await svix.application.create({ name: "Hung endpoints" });
  await pool(
    Array.from({ length: HUNG }, (_, i) => i),
    10,
    async (i) => {
      // The longest timeout there is, so every attempt hangs through the whole measurement.
      const res = await post(
        `${env.APP_URL}/api/v1/app/${noisy.id}/endpoint`,
        JSON.stringify({ url: `${hungUrl}/${i}`, timeout: 60 }),
        auth,
      );
      if (res.status !== 201) throw new Error(`endpoint: ${res.status} ${res.body}`);
    },
  );
  const quiet = await svix.application.create({ name: "One fast endpoint" });
  const ep = await svix.endpoint.create(quiet.id, { url: `${fast.url}/fast` });
  secrets.set("/fast", (await svix.endpoint.getSecret(quiet.id, ep.id)).key);

  for (let i = 0; i < HUNG_MESSAGES; i++)
    await svix.message.create(noisy.id, { eventType: "bench.event", payload: { i } });
  // Let the hung attempts get under way.
  for (let waited = 0; waited < 10_000 && hungRequests < Math.min(HUNG * HUNG_MESSAGES, 50); waited += 50)
    await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 2000));
  const hungBefore = hungRequests;

  const accepted = new Map<string, number>();
  await pool(
    Array.from({ length: N }, (_, i) => i),
    10,
    async (i) => {
      const res = await post(
        `${env.APP_URL}/api/v1/app/${quiet.id}/msg`,
        JSON.stringify({ eventType: "bench.event", payload: { i } }),
        auth,
      );
      if (res.status === 202) accepted.set(JSON.parse(res.body).id, performance.now());
    },
  );
  const deadline = performance.now() + 30_000;
  while (fast.stats().unique < accepted.size && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  const latencies = [...fast.firstArrival.entries()]
    .map(([key, at]) => at - (accepted.get(key.split(" ")[0]!) ?? at))
    .sort((a, b) => a - b);
  const result = {
    hungEndpoints: HUNG,
    hungMessages: HUNG_MESSAGES,
    hungAttemptsInFlight: hungRequests,
    hungAttemptsWhenOthersStarted: hungBefore,
    otherMessages: accepted.size,
    otherDelivered: fast.stats().unique,
    otherLatencyMs: {
      p50: Math.round(percentile(latencies, 50)),
      p95: Math.round(percentile(latencies, 95)),
      max: Math.round(latencies.at(-1) ?? 0),
    },
  };
  say(
    `hung attempts in flight: ${result.hungAttemptsInFlight}; the other application: ${result.otherDelivered}/${result.otherMessages} delivered, p50/p95/max ${result.otherLatencyMs.p50}/${result.otherLatencyMs.p95}/${result.otherLatencyMs.max} ms`,
  );
  for (const socket of hungSockets) socket.destroy();
  hung.close();
  await fast.close();
  await stack.cleanup();
  if (flags.json) console.log(JSON.stringify(result));
  process.exit(result.otherDelivered === result.otherMessages ? 0 : 1);
} catch (error) {
  console.error(error);
  for (const socket of hungSockets) socket.destroy();
  hung.close();
  await stack?.cleanup();
  process.exit(1);
}
