import type { Runner } from "graphile-worker";
import type { Svix } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startDeliveryWorker } from "@/lib/jobs/graphile/run-worker";
import { startDeliveryStack } from "../support/delivery-stack";
import { startReceiver, waitUntil } from "../support/receiver";
import { startWorkerProcess } from "../support/worker-process";

let stack: Awaited<ReturnType<typeof startDeliveryStack>>;
let databaseUrl: string;
let svix: Svix;

beforeAll(async () => {
  stack = await startDeliveryStack({}, { inProcessWorker: false });
  ({ databaseUrl, svix } = stack);
  await svix.eventType.create({ name: "job.done", description: "" });
}, 60_000);
afterAll(() => stack.close());

describe("worker processes", () => {
  it("a worker killed mid-delivery loses nothing: the delivery is retried after restart", {
    timeout: 60_000,
  }, async () => {
    const receiver = await startReceiver((_r, i) => (i === 0 ? "hang" : { status: 200 }));
    const app = await svix.application.create({ name: "Crash" });
    const ep = await svix.endpoint.create(app.id, { url: receiver.url });
    await db.endpoint.update({ where: { id: ep.id }, data: { timeoutMs: 2000 } });
    const first = startWorkerProcess(databaseUrl);
    await first.ready;
    const msg = await svix.message.create(app.id, { eventType: "job.done", payload: { important: true } });
    await receiver.waitFor(1);
    expect((await db.delivery.findFirstOrThrow({ where: { messageId: msg.id } })).status).toBe("sending");
    first.child.kill("SIGKILL");

    const second = startWorkerProcess(databaseUrl);
    await second.ready;
    await receiver.waitFor(2, 30_000);
    const delivery = await waitUntil(async () => {
      const d = await db.delivery.findFirstOrThrow({ where: { messageId: msg.id, endpointId: ep.id } });
      return d.status === "succeeded" ? d : null;
    }, 30_000);
    expect(delivery.attemptCount).toBe(1);
    expect(receiver.requests.map((r) => r.headers["webhook-id"])).toEqual([msg.id, msg.id]);
    second.child.kill("SIGTERM");
    await new Promise((r) => second.child.once("exit", r));
    await receiver.close();
  });

  it("SIGTERM lets an in-flight attempt finish and be recorded before the worker exits", {
    timeout: 60_000,
  }, async () => {
    const receiver = await startReceiver(() => ({ status: 200, delayMs: 800 }));
    const app = await svix.application.create({ name: "Graceful" });
    await svix.endpoint.create(app.id, { url: receiver.url });
    const worker = startWorkerProcess(databaseUrl);
    await worker.ready;
    const msg = await svix.message.create(app.id, { eventType: "job.done", payload: {} });
    await receiver.waitFor(1);
    worker.child.kill("SIGTERM");
    const code = await new Promise((r) => worker.child.once("exit", r));
    expect(code).toBe(0);
    const delivery = await db.delivery.findFirstOrThrow({ where: { messageId: msg.id } });
    expect(delivery.status).toBe("succeeded");
    await receiver.close();
  });
});

describe("a worker that cannot keep running", () => {
  it("gives up after its runner stopped 5 times within a minute although PostgreSQL answers", {
    timeout: 60_000,
  }, async () => {
    const runners: Runner[] = [];
    const worker = await startDeliveryWorker({
      connectionString: databaseUrl,
      concurrency: 2,
      onRunner: (r) => runners.push(r),
    });
    const failed = worker.failed.then(
      () => null,
      (error: Error) => error,
    );
    for (let crash = 1; crash <= 5; crash++) {
      await waitUntil(async () => runners.length === crash && worker.status().state === "running", 20_000);
      // The runner stops on its own, as graphile-worker's does when it cannot finish its jobs.
      await runners.at(-1)!.stop();
    }
    expect(await failed).toBeInstanceOf(Error);
    expect(worker.status()).toMatchObject({ state: "failed", restarts: 5 });
    await worker.stop();
  });
});
