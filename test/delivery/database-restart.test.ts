import pg from "pg";
import { Svix } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { resetEnvCache } from "@/lib/env";
import { installJobQueue } from "@/lib/jobs/graphile/install-job-queue";
import { startDeliveryWorker } from "@/lib/jobs/graphile/run-worker";
import { startApiServer } from "../support/api-server";
import { FAST_DELIVERY_ENV } from "../support/delivery-stack";
import { createTestTenant } from "../support/fixtures";
import { streamMessages } from "../support/message-stream";
import { type PgServer, startPgServer } from "../support/pg-server";
import { startReceiver, waitUntil } from "../support/receiver";
import { startWorkerProcess } from "../support/worker-process";

// A PostgreSQL of this test's own that it stops and starts, the API in this process and
// `npm run worker` as a real process, under a stream of messages sent as the svix SDK sends them.
let server: PgServer;
let databaseUrl: string;
let api: Awaited<ReturnType<typeof startApiServer>>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let apiKey: string;
let appId: string;

beforeAll(async () => {
  server = await startPgServer();
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query("CREATE DATABASE hookline");
  await admin.end();
  databaseUrl = server.url.replace(/\/postgres$/, "/hookline");
  await migrate(databaseUrl);
  await installJobQueue(databaseUrl);
  Object.assign(process.env, FAST_DELIVERY_ENV, { DATABASE_URL: databaseUrl });
  resetEnvCache();
  api = await startApiServer();
  apiKey = (await createTestTenant("restart")).apiKey;
  const svix = new Svix(apiKey, { serverUrl: api.url });
  appId = (await svix.application.create({ name: "Through restarts" })).id;
  await svix.eventType.create({ name: "load.tick", description: "" });
  receiver = await startReceiver();
  // A delivery cut off mid-attempt is taken up again after its timeout plus the orphan grace.
  const res = await fetch(`${api.url}/api/v1/app/${appId}/endpoint`, {
    method: "POST",
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
    body: JSON.stringify({ url: receiver.url, timeout: 2 }),
  });
  expect(res.status).toBe(201);
}, 120_000);
afterAll(async () => {
  await receiver?.close();
  await api?.close();
  await server?.stop().catch(() => undefined);
  await server?.destroy();
});

const received = () => new Set(receiver.requests.map((r) => String(r.headers["webhook-id"])));
const allDelivered = (accepted: Set<string>) =>
  waitUntil(async () => [...accepted].every((id) => received().has(id)), 60_000, 200);
const statusOf = async (url: string) => (await fetch(url).catch(() => null))?.status ?? 0;

describe("PostgreSQL restarts and killed workers", () => {
  it("the API and `npm run worker` resume by themselves after a restart; readiness says 503 meanwhile", {
    timeout: 120_000,
  }, async () => {
    const healthPort = await freePort();
    const worker = startWorkerProcess(databaseUrl, {
      WORKER_HEALTH_PORT: String(healthPort),
      WORKER_CONCURRENCY: "20",
    });
    await worker.ready;
    const workerReady = `http://127.0.0.1:${healthPort}/health/ready`;
    const apiReady = `${api.url}/api/v1/health/ready`;
    expect(await statusOf(workerReady)).toBe(200);
    expect(await statusOf(apiReady)).toBe(200);

    const stream = streamMessages(api.url, apiKey, appId);
    await new Promise((r) => setTimeout(r, 1500));
    await server.stop("fast");
    await waitUntil(async () => (await statusOf(workerReady)) === 503, 10_000);
    expect(await statusOf(apiReady)).toBe(503);
    // Alive all the same: restarting the processes would not bring PostgreSQL back.
    expect(await statusOf(`http://127.0.0.1:${healthPort}/health/live`)).toBe(200);
    expect(await statusOf(`${api.url}/api/v1/health/live`)).toBe(200);
    // The worker's metrics still answer, in time (queue figures from PostgreSQL are skipped), and
    // count the attempts it made before the outage.
    const started = Date.now();
    const during = await fetch(`http://127.0.0.1:${healthPort}/metrics`);
    expect(during.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await during.text()).toMatch(/hookline_attempts_total\{outcome="success"\} [1-9]\d*/);
    await new Promise((r) => setTimeout(r, 3000));
    await server.start();
    await waitUntil(async () => (await statusOf(workerReady)) === 200, 30_000, 200);
    await waitUntil(async () => (await statusOf(apiReady)) === 200, 30_000, 200);
    const acceptedBefore = stream.accepted.size;
    await new Promise((r) => setTimeout(r, 2000));
    await stream.stop();
    // The API accepted messages again after the restart, answering 503 (never 500) while it was down.
    expect(stream.accepted.size).toBeGreaterThan(acceptedBefore);
    expect(stream.answers.get("500")).toBeUndefined();
    expect(stream.answers.get("503")).toBeGreaterThan(0);
    await allDelivered(stream.accepted);
    // (Whether graphile-worker's pool had to be restarted depends on whether a job was finishing
    // when PostgreSQL went away; either way the same process delivers again.)
    const ready = await (await fetch(workerReady)).json();
    expect(ready).toMatchObject({
      status: "ready",
      jobs: { workers: [{ name: "delivery", state: "running" }] },
    });
    await worker.stop();
  });

  it("a job runner stopped by the outage mid-attempt is restarted by the worker's supervisor", {
    timeout: 120_000,
  }, async () => {
    const slow = await startReceiver(() => ({ status: 200, delayMs: 700 }));
    const svix = new Svix(apiKey, { serverUrl: api.url });
    const app = await svix.application.create({ name: "Slow receiver" });
    await fetch(`${api.url}/api/v1/app/${app.id}/endpoint`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ url: slow.url, timeout: 2 }),
    });
    const ids: string[] = [];
    for (let i = 0; i < 30; i++)
      ids.push((await svix.message.create(app.id, { eventType: "load.tick", payload: { i } })).id);
    // Two attempts in flight at most and eight deliveries waiting in the dispatcher's lines: the
    // other twenty jobs wait for room while PostgreSQL goes away, then their deliveries fail to
    // claim, and graphile-worker cannot record those jobs as done: its pool stops.
    const worker = await startDeliveryWorker({ connectionString: databaseUrl, concurrency: 2 });
    await slow.waitFor(2);
    await server.stop("fast");
    let down = true;
    try {
      await waitUntil(async () => worker.status().state === "restarting", 15_000);
      await server.start();
      down = false;
    } finally {
      // Whatever happened, the next test needs its PostgreSQL.
      if (down) await server.start();
    }
    await waitUntil(async () => worker.status().state === "running", 30_000, 100);
    expect(worker.status().restarts).toBeGreaterThanOrEqual(1);
    await waitUntil(
      async () => ids.every((id) => slow.requests.some((r) => r.headers["webhook-id"] === id)),
      60_000,
      200,
    );
    await worker.stop();
    await slow.close();
  });

  it("kill -9 of a worker under load loses nothing: another worker delivers every accepted message", {
    timeout: 120_000,
  }, async () => {
    const first = startWorkerProcess(databaseUrl, { WORKER_CONCURRENCY: "20" });
    await first.ready;
    const stream = streamMessages(api.url, apiKey, appId);
    await new Promise((r) => setTimeout(r, 1500));
    first.child.kill("SIGKILL");
    await new Promise((r) => setTimeout(r, 1000));
    const second = startWorkerProcess(databaseUrl, { WORKER_CONCURRENCY: "20" });
    await second.ready;
    await new Promise((r) => setTimeout(r, 1000));
    await stream.stop();
    expect(stream.accepted.size).toBeGreaterThan(20);
    await allDelivered(stream.accepted);
    await second.stop();
  });
});
