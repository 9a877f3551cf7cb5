import pg from "pg";
import { Svix } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/lib/db/embedded";
import { type AppProcess, startApp } from "../support/app-process";
import { FAST_DELIVERY_ENV } from "../support/delivery-stack";
import { streamMessages } from "../support/message-stream";
import { type PgServer, startPgServer } from "../support/pg-server";
import { startReceiver, waitUntil } from "../support/receiver";

// `npm start` as it runs in production (its worker in the same process), on a PostgreSQL this test
// stops and starts, and then killed outright, under a stream of messages.
const env = { ...FAST_DELIVERY_ENV, WORKER_CONCURRENCY: "20" };
let server: PgServer;
let databaseUrl: string;
let port: number;
let app: AppProcess;
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
  port = await freePort();
  app = await startApp(databaseUrl, env, port);
  apiKey = /Demo API key:\s+(\S+)/.exec(app.output())![1]!;
  const svix = new Svix(apiKey, { serverUrl: app.url });
  appId = (await svix.application.create({ name: "Outages" })).id;
  await svix.eventType.create({ name: "load.tick", description: "" });
  receiver = await startReceiver();
  const res = await fetch(`${app.url}/api/v1/app/${appId}/endpoint`, {
    method: "POST",
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
    body: JSON.stringify({ url: receiver.url, timeout: 2 }),
  });
  expect(res.status).toBe(201);
}, 600_000);
afterAll(async () => {
  await app?.stop();
  await receiver?.close();
  await server?.stop().catch(() => undefined);
  await server?.destroy();
});

const received = () => new Set(receiver.requests.map((r) => String(r.headers["webhook-id"])));
const allDelivered = (accepted: Set<string>) =>
  waitUntil(async () => [...accepted].every((id) => received().has(id)), 60_000, 200);
const ready = async () => {
  const res = await fetch(`${app.url}/api/v1/health/ready`).catch(() => null);
  return { status: res?.status ?? 0, body: res ? await res.json().catch(() => null) : null };
};

describe("npm start through outages", () => {
  it("resumes by itself after a PostgreSQL restart; readiness reports its worker and says 503 meanwhile", {
    timeout: 180_000,
  }, async () => {
    expect(await ready()).toMatchObject({
      status: 200,
      body: {
        status: "ready",
        jobs: { driver: "graphile", workers: [{ name: "delivery", state: "running" }] },
      },
    });
    const stream = streamMessages(app.url, apiKey, appId);
    await new Promise((r) => setTimeout(r, 1500));
    await server.stop("fast");
    await waitUntil(async () => (await ready()).status === 503, 10_000);
    await new Promise((r) => setTimeout(r, 3000));
    await server.start();
    await waitUntil(async () => (await ready()).status === 200, 30_000, 200);
    const before = stream.accepted.size;
    await new Promise((r) => setTimeout(r, 2000));
    await stream.stop();
    expect(stream.accepted.size).toBeGreaterThan(before);
    expect(stream.answers.get("500")).toBeUndefined();
    await allDelivered(stream.accepted);
  });

  it("kill -9 of the whole server under load loses no accepted message", { timeout: 180_000 }, async () => {
    const stream = streamMessages(app.url, apiKey, appId);
    await new Promise((r) => setTimeout(r, 2000));
    await app.kill();
    await new Promise((r) => setTimeout(r, 500));
    app = await startApp(databaseUrl, env, port);
    await new Promise((r) => setTimeout(r, 1500));
    await stream.stop();
    expect(stream.accepted.size).toBeGreaterThan(20);
    await allDelivered(stream.accepted);
  });
});
