import { InngestTestEngine } from "@inngest/test";
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { sweepOrphans } from "@/lib/delivery/sweep";
import { resetEnvCache } from "@/lib/env";
import { inngest } from "@/lib/jobs/inngest/client";
import { deliverMessage } from "@/lib/jobs/inngest/functions/deliver-message";
import { maintenance } from "@/lib/jobs/inngest/functions/maintenance";
import { runBackgroundTask } from "@/lib/jobs/inngest/functions/run-background-task";
import { markTracingEnabled } from "@/lib/tracing/tracing";
import { startDeliveryStack } from "../support/delivery-stack";
import { type ReceivedRequest, startReceiver, waitUntil } from "../support/receiver";

// The same behaviours through both job drivers: graphile-worker (a real worker against
// PostgreSQL) and Inngest (the events the driver sends are captured, and each one is run through
// @inngest/test with its sleeps ended at once; every step runs for real against PostgreSQL).
type Sent = {
  name: string;
  data: { deliveryId: string; endpointId: string; trigger: string; taskId?: string };
};
const sent: Sent[] = [];
let ran = 0;
let failSends = false;
const GRACE_MS = 500; // FAST_DELIVERY_ENV's DELIVERY_ORPHAN_GRACE

let stack: Awaited<ReturnType<typeof startDeliveryStack>>;
beforeAll(async () => {
  stack = await startDeliveryStack({ DELIVERY_RETRY_SCHEDULE: "0,100ms,100ms" }, { inProcessWorker: false });
  await stack.svix.eventType.create({ name: "thing.happened", description: "" });
  vi.spyOn(inngest, "send").mockImplementation((async (payload: unknown) => {
    if (failSends) throw new Error("connect ECONNREFUSED 127.0.0.1:8288");
    const events = (Array.isArray(payload) ? payload : [payload]) as (Sent & { validate(): Promise<void> })[];
    for (const event of events) {
      await event.validate();
      sent.push({ name: event.name, data: event.data });
    }
    return { ids: events.map((_, i) => `evt_${sent.length + i}`) };
  }) as unknown as typeof inngest.send);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await stack.close();
});

/** Spans kept in memory from the first call on (this process's tracing switched on for it). */
let exporter: InMemorySpanExporter | null = null;
function inMemoryTracing(): InMemorySpanExporter {
  if (exporter) return exporter;
  exporter = new InMemorySpanExporter();
  new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).register();
  markTracingEnabled();
  return exporter;
}

/** When each Inngest run asked to sleep until (its retries), by delivery. */
const sleptUntil = new Map<string, number[]>();

/** Runs every delivery.requested event sent so far (and those they send) through Inngest's test engine. */
async function runInngest(): Promise<void> {
  while (ran < sent.length) {
    const event = sent[ran++]!;
    if (event.name === "hookline/background-task.requested") {
      await new InngestTestEngine({ function: runBackgroundTask, events: [event] }).execute();
      continue;
    }
    if (event.name !== "hookline/delivery.requested") continue;
    const t = new InngestTestEngine({
      function: deliverMessage,
      events: [event],
      steps: Array.from({ length: 10 }, (_, i) => ({ id: `wait-${i + 1}`, handler: () => undefined })),
    });
    const { ctx } = await t.execute();
    const calls = (ctx.step.sleepUntil as unknown as { mock: { calls: [string, string | Date][] } }).mock
      .calls;
    sleptUntil.set(event.data.deliveryId, [
      ...(sleptUntil.get(event.data.deliveryId) ?? []),
      ...calls.map((c) => new Date(c[1]).getTime()),
    ]);
  }
}

const verify = (r: ReceivedRequest, secret: string) =>
  new Webhook(secret.slice("whsec_".length)).verify(r.body, {
    "webhook-id": String(r.headers["webhook-id"]),
    "webhook-timestamp": String(r.headers["webhook-timestamp"]),
    "webhook-signature": String(r.headers["webhook-signature"]),
  }) as { type: string; data: Record<string, unknown> };

describe.each(["graphile", "inngest"] as const)("the %s driver", (driver) => {
  /** Lets the driver work until `check` holds. */
  async function until<T>(check: () => Promise<T | null | false | undefined>): Promise<T> {
    if (driver === "inngest") await runInngest();
    return waitUntil(check, 20_000);
  }
  const delivery = (messageId: string) => db.delivery.findFirstOrThrow({ where: { messageId } });
  const sentFor = (deliveryId: string) => sent.filter((e) => e.data.deliveryId === deliveryId);

  beforeAll(async () => {
    process.env.JOBS_DRIVER = driver;
    resetEnvCache();
    if (driver === "graphile") await stack.restartWorker();
    else await stack.stopWorker();
  });
  afterAll(() => stack.stopWorker());

  it("joins each attempt to the message's trace (the traceparent stored when it was accepted)", async () => {
    const spans = inMemoryTracing();
    const receiver = await startReceiver(() => ({ status: 204 }));
    const app = await stack.svix.application.create({ name: `Traced ${driver}` });
    await stack.svix.endpoint.create(app.id, { url: receiver.url });
    const msg = await stack.svix.message.create(app.id, { eventType: "thing.happened", payload: {} });
    await until(async () => (await delivery(msg.id)).status === "succeeded");
    const { traceParent } = await db.message.findUniqueOrThrow({ where: { id: msg.id } });
    const [, traceId, spanId] = traceParent!.split("-");
    const attempt = await waitUntil(async () =>
      spans
        .getFinishedSpans()
        .find((s) => s.name === "hookline.attempt" && s.attributes["hookline.message_id"] === msg.id),
    );
    expect(attempt.spanContext().traceId).toBe(traceId);
    expect(attempt.parentSpanContext?.spanId).toBe(spanId);
    await receiver.close();
  });

  it("retries with our schedule until the receiver accepts, one webhook-id throughout", async () => {
    const receiver = await startReceiver((_r, i) => ({ status: i < 2 ? 500 : 200 }));
    const app = await stack.svix.application.create({ name: `Retries ${driver}` });
    const ep = await stack.svix.endpoint.create(app.id, { url: receiver.url });
    const msg = await stack.svix.message.create(app.id, { eventType: "thing.happened", payload: { n: 1 } });
    const { id } = await delivery(msg.id);
    if (driver === "inngest") {
      expect(sentFor(id)).toEqual([
        {
          name: "hookline/delivery.requested",
          data: { deliveryId: id, endpointId: ep.id, trigger: "scheduled" },
        },
      ]);
    }
    const done = await until(async () => {
      const d = await delivery(msg.id);
      return d.status === "succeeded" ? d : null;
    });
    expect(done.attemptCount).toBe(3);
    expect(receiver.requests.map((r) => r.headers["webhook-id"])).toEqual([msg.id, msg.id, msg.id]);
    // Inngest's run slept through the retries itself: no further events for this delivery.
    if (driver === "inngest") expect(sentFor(id)).toHaveLength(1);
    await receiver.close();
  });

  it("runs a background task (replay-missing) to the end, and delivers what it requested", async () => {
    const app = await stack.svix.application.create({ name: `Task ${driver}` });
    const since = new Date(Date.now() - 1000);
    const msgs = [];
    for (let i = 0; i < 3; i++)
      msgs.push(await stack.svix.message.create(app.id, { eventType: "thing.happened", payload: { i } }));
    const receiver = await startReceiver();
    const ep = await stack.svix.endpoint.create(app.id, { url: receiver.url });
    const task = await stack.svix.endpoint.replayMissing(app.id, ep.id, { since });
    if (driver === "inngest")
      expect(sent.filter((e) => e.data.taskId === task.id)).toEqual([
        { name: "hookline/background-task.requested", data: { taskId: task.id } },
      ]);
    const done = await until(async () => {
      const t = await stack.svix.backgroundTask.get(task.id);
      return t.status === "finished" ? t : null;
    });
    expect(done.data).toMatchObject({ replayed: 3 });
    await until(async () => receiver.requests.length === 3);
    expect(receiver.requests.map((r) => r.headers["webhook-id"]).sort()).toEqual(
      msgs.map((m) => m.id).sort(),
    );
    await receiver.close();
  });

  it("410 Gone disables the endpoint at once and parks the delivery", async () => {
    const receiver = await startReceiver(() => ({ status: 410 }));
    const app = await stack.svix.application.create({ name: `Gone ${driver}` });
    const ep = await stack.svix.endpoint.create(app.id, { url: receiver.url });
    const msg = await stack.svix.message.create(app.id, { eventType: "thing.happened", payload: {} });
    await until(async () => (await delivery(msg.id)).status === "parked");
    expect(await db.endpoint.findUniqueOrThrow({ where: { id: ep.id } })).toMatchObject({ disabled: true });
    expect(receiver.requests).toHaveLength(1);
    await receiver.close();
  });

  it("parks without sending when the endpoint was disabled before the attempt", async () => {
    const receiver = await startReceiver();
    const app = await stack.svix.application.create({ name: `Disabled ${driver}` });
    const ep = await stack.svix.endpoint.create(app.id, { url: receiver.url });
    if (driver === "graphile") await stack.stopWorker();
    const msg = await stack.svix.message.create(app.id, { eventType: "thing.happened", payload: {} });
    await db.endpoint.update({ where: { id: ep.id }, data: { disabled: true } });
    if (driver === "graphile") await stack.restartWorker();
    await until(async () => (await delivery(msg.id)).status === "parked");
    expect(receiver.requests).toHaveLength(0);
    await receiver.close();
  });

  it("delivers operational webhooks through the same engine, signed", async () => {
    const ops = await startReceiver();
    const opsEndpoint = await stack.svix.operationalWebhook.endpoint.create({
      url: ops.url,
      eventTypes: ["message.attempt.exhausted"],
    });
    const opsSecret = (await stack.svix.operationalWebhook.endpoint.getSecret(opsEndpoint.id)).key;
    const failing = await startReceiver(() => ({ status: 500 }));
    const app = await stack.svix.application.create({ name: `Ops ${driver}` });
    await stack.svix.endpoint.create(app.id, { url: failing.url });
    const msg = await stack.svix.message.create(app.id, { eventType: "thing.happened", payload: { n: 2 } });
    const event = await until(async () =>
      ops.requests.map((r) => verify(r, opsSecret)).find((e) => e.type === "message.attempt.exhausted"),
    );
    expect(event).toMatchObject({ type: "message.attempt.exhausted", data: { msgId: msg.id } });
    if (driver === "inngest") {
      expect(sent.some((e) => e.data.endpointId === opsEndpoint.id)).toBe(true);
    }
    await stack.svix.operationalWebhook.endpoint.delete(opsEndpoint.id);
    await ops.close();
    await failing.close();
  });

  it("the sweep requests a delivery whose job was lost, and one left `sending` by a dead worker", async () => {
    const receiver = await startReceiver();
    const app = await stack.svix.application.create({ name: `Sweep ${driver}` });
    await stack.svix.endpoint.create(app.id, { url: receiver.url });
    await stack.stopWorker();
    // Lost: Inngest unreachable when the message was accepted (the API still answers 202: the
    // delivery rows are the outbox), or the graphile job removed.
    failSends = true;
    const lost = await stack.svix.message.create(app.id, { eventType: "thing.happened", payload: { n: 3 } });
    failSends = false;
    const lostDelivery = await delivery(lost.id);
    await db.$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE key = ${`dlv:${lostDelivery.id}`}`;
    // Orphaned: claimed by a worker that died mid-attempt.
    const orphan = await stack.svix.message.create(app.id, {
      eventType: "thing.happened",
      payload: { n: 4 },
    });
    const orphanDelivery = await delivery(orphan.id);
    await db.$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE key = ${`dlv:${orphanDelivery.id}`}`;
    await db.delivery.update({
      where: { id: orphanDelivery.id },
      data: { status: "sending", lastAttemptAt: new Date(Date.now() - 60_000) },
    });
    expect(await db.message.count({ where: { applicationId: app.id } })).toBe(2);
    const before = sent.length;

    const later = new Date(Date.now() + GRACE_MS + 1000);
    if (driver === "inngest") {
      // The cron function runs the same sweep; its requests go out as events.
      vi.useFakeTimers({ now: later, toFake: ["Date"] });
      const { result } = await new InngestTestEngine({ function: maintenance }).execute();
      vi.useRealTimers();
      expect(result).toMatchObject({ rescheduled: 2 });
      expect(
        sent
          .slice(before)
          .map((e) => e.data.deliveryId)
          .sort(),
      ).toEqual([lostDelivery.id, orphanDelivery.id].sort());
    } else {
      expect(await sweepOrphans(later, GRACE_MS)).toBe(2);
      await stack.restartWorker();
    }
    await until(async () => {
      const statuses = await db.delivery.findMany({
        where: { applicationId: app.id },
        select: { status: true },
      });
      return statuses.every((d) => d.status === "succeeded");
    });
    expect(receiver.requests.map((r) => r.headers["webhook-id"]).sort()).toEqual([lost.id, orphan.id].sort());
    await receiver.close();
  });
});

describe("both drivers", () => {
  it("make the same decisions for the same receiver answers: Retry-After, then our schedule", async () => {
    // 503 with Retry-After: 1, then 500, then 200.
    const answers = (_r: unknown, i: number) =>
      i === 0 ? { status: 503, headers: { "retry-after": "1" } } : { status: i === 1 ? 500 : 200 };
    const run = async (driver: "graphile" | "inngest") => {
      process.env.JOBS_DRIVER = driver;
      resetEnvCache();
      if (driver === "graphile") await stack.restartWorker();
      const receiver = await startReceiver(answers);
      const app = await stack.svix.application.create({ name: `Decisions ${driver}` });
      await stack.svix.endpoint.create(app.id, { url: receiver.url });
      const msg = await stack.svix.message.create(app.id, { eventType: "thing.happened", payload: {} });
      if (driver === "inngest") await runInngest();
      const d = await waitUntil(async () => {
        const found = await db.delivery.findFirstOrThrow({ where: { messageId: msg.id } });
        return found.status === "succeeded" ? found : null;
      }, 20_000);
      await stack.stopWorker();
      await receiver.close();
      const attempts = await db.messageAttempt.findMany({
        where: { messageId: msg.id },
        orderBy: { createdAt: "asc" },
      });
      return {
        decisions: {
          codes: attempts.map((a) => a.responseStatusCode),
          kinds: attempts.map((a) => a.errorKind),
          count: d.attemptCount,
        },
        times: attempts.map((a) => a.createdAt.getTime()),
        sleeps: sleptUntil.get(d.id) ?? [],
      };
    };
    const viaInngest = await run("inngest");
    const viaGraphile = await run("graphile");
    expect(viaInngest.decisions).toEqual({
      codes: [503, 500, 200],
      kinds: ["http_status", "http_status", null],
      count: 3,
    });
    expect(viaGraphile.decisions).toEqual(viaInngest.decisions);
    // Inngest slept until what the policy said: Retry-After (1 s), then the schedule (100 ms) …
    expect(viaInngest.sleeps[0]! - viaInngest.times[0]!).toBeGreaterThanOrEqual(990);
    expect(viaInngest.sleeps[0]! - viaInngest.times[0]!).toBeLessThan(1100);
    expect(viaInngest.sleeps[1]! - viaInngest.times[1]!).toBeGreaterThanOrEqual(90);
    expect(viaInngest.sleeps[1]! - viaInngest.times[1]!).toBeLessThan(200);
    // … and graphile-worker ran the attempts no earlier than those times.
    expect(viaGraphile.times[1]! - viaGraphile.times[0]!).toBeGreaterThanOrEqual(990);
    expect(viaGraphile.times[2]! - viaGraphile.times[1]!).toBeGreaterThanOrEqual(90);
  });
});
