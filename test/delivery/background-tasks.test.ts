import type { BackgroundTaskOut } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runTaskStep } from "@/lib/tasks/run-task-step";
import { startReplayMissing } from "@/lib/tasks/start-tasks";
import { TASK_BATCH } from "@/lib/tasks/task-handlers";
import { startDeliveryStack } from "../support/delivery-stack";
import { startReceiver, waitUntil } from "../support/receiver";

// Recovery, replay and bulk work as Svix's background tasks, through the official SDK.
let stack: Awaited<ReturnType<typeof startDeliveryStack>>;

beforeAll(async () => {
  stack = await startDeliveryStack({ DELIVERY_RETRY_SCHEDULE: "0" });
  for (const name of ["order.created", "order.paid", "user.created"])
    await stack.svix.eventType.create({ name, description: "" });
});
afterAll(() => stack.close());

/** Polls a task through the SDK until it is no longer running. */
async function finished(id: string): Promise<BackgroundTaskOut> {
  return waitUntil(async () => {
    const task = await stack.svix.backgroundTask.get(id);
    return task.status === "running" ? null : task;
  });
}

describe("recover", () => {
  it("answers at once with a running task, which sends the failed deliveries again and finishes", async () => {
    const app = await stack.svix.application.create({ name: "Recover" });
    let healthy = false;
    const receiver = await startReceiver(() => ({ status: healthy ? 200 : 500 }));
    const ep = await stack.svix.endpoint.create(app.id, { url: receiver.url });
    const since = new Date(Date.now() - 1000);
    for (let i = 0; i < 3; i++)
      await stack.svix.message.create(app.id, { eventType: "order.created", payload: { i } });
    await waitUntil(
      async () => (await db.delivery.count({ where: { endpointId: ep.id, status: "failed" } })) === 3,
    );
    healthy = true;

    const task = await stack.svix.endpoint.recover(app.id, ep.id, { since });
    expect(task).toMatchObject({ status: "running", task: "endpoint.recover" });
    expect(task.id).toMatch(/^qtask_/);
    const done = await finished(task.id);
    expect(done).toMatchObject({ status: "finished", data: { recovered: 3 } });
    await waitUntil(
      async () => (await db.delivery.count({ where: { endpointId: ep.id, status: "succeeded" } })) === 3,
    );
    await receiver.close();
  });

  it("an unknown endpoint is a 404 and starts nothing", async () => {
    const app = await stack.svix.application.create({ name: "Recover 404" });
    const before = await db.backgroundTask.count();
    await expect(stack.svix.endpoint.recover(app.id, "ep_nope", { since: new Date() })).rejects.toMatchObject(
      {
        code: 404,
      },
    );
    expect(await db.backgroundTask.count()).toBe(before);
  });
});

describe("replay-missing", () => {
  it("sends an endpoint created after the messages what its filters take, once", async () => {
    const app = await stack.svix.application.create({ name: "Replay" });
    const since = new Date(Date.now() - 1000);
    const sent = [];
    for (const eventType of ["order.created", "order.paid", "user.created", "order.paid"])
      sent.push(await stack.svix.message.create(app.id, { eventType, payload: { eventType } }));
    const receiver = await startReceiver();
    const ep = await stack.svix.endpoint.create(app.id, { url: receiver.url, eventTypes: ["order.paid"] });

    const done = await finished((await stack.svix.endpoint.replayMissing(app.id, ep.id, { since })).id);
    expect(done).toMatchObject({ task: "endpoint.replay", status: "finished", data: { replayed: 2 } });
    await receiver.waitFor(2);
    expect(receiver.requests.map((r) => r.headers["webhook-id"]).sort()).toEqual(
      [sent[1]!.id, sent[3]!.id].sort(),
    );
    // Everything is now delivered: a second replay has nothing to send.
    const again = await finished((await stack.svix.endpoint.replayMissing(app.id, ep.id, { since })).id);
    expect(again.data).toMatchObject({ replayed: 0 });
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.requests).toHaveLength(2);
    await receiver.close();
  });

  it(`works in steps of ${TASK_BATCH} messages, each in its own transaction`, async () => {
    const app = await stack.svix.application.create({ name: "Replay batches" });
    const total = 2 * TASK_BATCH + 10;
    await db.$executeRaw`
      INSERT INTO "Message" (id, "tenantId", "applicationId", "eventType", payload, "createdAt")
      SELECT 'msg_batch' || lpad(g::text, 8, '0'), ${stack.tenant.tenantId}, ${app.id}, 'order.created', '{}'::jsonb,
             now() - interval '1 minute' + g * interval '1 millisecond'
        FROM generate_series(1, ${total}) g`;
    const ep = await stack.svix.endpoint.create(app.id, {
      url: "https://hooks.example.com/in",
      disabled: true,
    });
    await stack.stopWorker();
    try {
      const task = await startReplayMissing(stack.tenant.tenantId, app.id, ep.id, {
        since: new Date(Date.now() - 3_600_000),
      });
      const outcomes = [];
      for (let i = 0; i < 5; i++) {
        const outcome = await runTaskStep(task.id);
        outcomes.push(outcome);
        if (outcome !== "more") break;
      }
      expect(outcomes).toEqual(["more", "more", "finished"]);
      const row = await db.backgroundTask.findUniqueOrThrow({ where: { id: task.id } });
      expect(row.data).toMatchObject({ scanned: total, replayed: total });
      // The endpoint is disabled: the replayed deliveries are parked, waiting for recover.
      expect(await db.delivery.count({ where: { endpointId: ep.id, status: "parked" } })).toBe(total);
      expect(await runTaskStep(task.id)).toBe("gone");
    } finally {
      await stack.restartWorker();
    }
  });
});

describe("bulk-replay", () => {
  it("sends again only the deliveries matching status-code class and event types", async () => {
    const app = await stack.svix.application.create({ name: "Bulk replay" });
    const receiver = await startReceiver((req) => ({ status: JSON.parse(req.body).answer as number }));
    const ep = await stack.svix.endpoint.create(app.id, { url: receiver.url });
    const since = new Date(Date.now() - 1000);
    const send = (eventType: string, answer: number) =>
      stack.svix.message.create(app.id, { eventType, payload: { answer } });
    const ok = await send("order.paid", 200);
    const paid503 = await send("order.paid", 503);
    const user503 = await send("user.created", 503);
    const paid404 = await send("order.paid", 404);
    await receiver.waitFor(4);
    await waitUntil(
      async () =>
        (await db.delivery.count({
          where: { endpointId: ep.id, status: { in: ["failed", "succeeded"] } },
        })) === 4,
    );

    const done = await finished(
      (
        await stack.svix.endpoint.bulkReplay(app.id, ep.id, {
          since,
          statusCodeClass: 500,
          eventTypes: ["order.paid"],
        })
      ).id,
    );
    expect(done).toMatchObject({ task: "endpoint.bulk-replay", data: { replayed: 1 } });
    await receiver.waitFor(5);
    expect(receiver.requests[4]!.headers["webhook-id"]).toBe(paid503.id);

    const bySuccess = await finished(
      (await stack.svix.endpoint.bulkReplay(app.id, ep.id, { since, status: 0 })).id,
    );
    expect(bySuccess.data).toMatchObject({ replayed: 1 });
    await receiver.waitFor(6);
    expect(receiver.requests[5]!.headers["webhook-id"]).toBe(ok.id);
    expect([user503.id, paid404.id]).not.toContain(receiver.requests[5]!.headers["webhook-id"]);
    await receiver.close();
  });
});

describe("expunging in bulk", () => {
  it("bulk-expunge says for each id whether it was expunged; expunge-all-contents empties the application", async () => {
    const app = await stack.svix.application.create({ name: "Expunge" });
    const a = await stack.svix.message.create(app.id, {
      eventType: "x.y",
      eventId: "evt-a",
      payload: { a: 1 },
    });
    const b = await stack.svix.message.create(app.id, { eventType: "x.y", payload: { b: 1 } });
    const c = await stack.svix.message.create(app.id, { eventType: "x.y", payload: { c: 1 } });
    const { results } = await stack.svix.message.bulkExpungeContent(app.id, {
      ids: ["evt-a", b.id, "msg_nope"],
    });
    expect(results).toEqual({ "evt-a": "expunged", [b.id]: "expunged", msg_nope: "not-found" });
    expect((await db.message.findUniqueOrThrow({ where: { id: a.id } })).payload).toBeNull();
    expect((await db.message.findUniqueOrThrow({ where: { id: c.id } })).payload).toEqual({ c: 1 });

    const done = await finished((await stack.svix.message.expungeAllContents(app.id)).id);
    expect(done).toMatchObject({
      task: "application.purge_content",
      status: "finished",
      data: { expunged: 1 },
    });
    expect(await db.message.count({ where: { applicationId: app.id, expungedAt: null } })).toBe(0);
  });
});

describe("listing tasks", () => {
  it("lists the tenant's tasks newest first, filtered by status and type; another tenant's id is a 404", async () => {
    const all = await stack.svix.backgroundTask.list();
    expect(all.data.length).toBeGreaterThanOrEqual(6);
    expect(all.data.map((t) => t.id)).toEqual([...all.data.map((t) => t.id)].sort().reverse());
    const recovers = await stack.svix.backgroundTask.list({ task: "endpoint.recover" as never });
    expect(recovers.data.every((t) => t.task === "endpoint.recover")).toBe(true);
    const running = await stack.svix.backgroundTask.list({ status: "running" as never });
    expect(running.data.every((t) => t.status === "running")).toBe(true);
    await expect(stack.svix.backgroundTask.get("qtask_0356nonexistent0000000")).rejects.toMatchObject({
      code: 404,
    });
  });
});

describe("statistics", () => {
  it("usage per application over a window, with unresolved ids named; 422 when none resolve", async () => {
    const app = await stack.svix.application.create({ name: "Stats", uid: "stats-app" });
    await stack.svix.endpoint.create(app.id, { url: "https://hooks.example.com/stats", disabled: true });
    for (let i = 0; i < 3; i++)
      await stack.svix.message.create(app.id, { eventType: "order.paid", payload: { i } });
    const since = new Date(Date.now() - 3_600_000);
    const until = new Date(Date.now() + 60_000);
    const out = await stack.svix.statistics.aggregateAppStats({
      since,
      until,
      appIds: ["stats-app", "nope-app"],
    });
    expect(out.unresolvedAppIds).toEqual(["nope-app"]);
    const done = await finished(out.id);
    expect(done.task).toBe("application.stats");
    expect((done.data as { apps: unknown[] }).apps).toEqual([
      expect.objectContaining({
        appId: app.id,
        appUid: "stats-app",
        messages: 3,
        messageDestinations: 3,
        failed: 3,
      }),
    ]);
    await expect(
      stack.svix.statistics.aggregateAppStats({ since, until, appIds: ["nope-app"] }),
    ).rejects.toMatchObject({ code: 422 });
  });

  it("event types sent in the last 30 days, with their counts", async () => {
    const done = await finished((await stack.svix.statistics.aggregateEventTypes()).id);
    expect(done.task).toBe("event-type.aggregate");
    const types = (done.data as { eventTypes: { eventType: string; messages: number }[] }).eventTypes;
    const counted = await db.message.count({
      where: { tenantId: stack.tenant.tenantId, eventType: "order.paid", application: { internal: false } },
    });
    expect(types.find((t) => t.eventType === "order.paid")?.messages).toBe(counted);
  });
});
