import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startReplayMissing } from "@/lib/tasks/start-tasks";
import { startDeliveryStack } from "../support/delivery-stack";
import { waitUntil } from "../support/receiver";
import { startWorkerProcess } from "../support/worker-process";

// A background task survives its worker being killed: the task's row holds its cursor, the sweep
// asks again for a running task that stopped moving, and the next worker carries on from there.
let stack: Awaited<ReturnType<typeof startDeliveryStack>>;

beforeAll(async () => {
  stack = await startDeliveryStack({ BACKGROUND_TASK_STALE: "1s" }, { inProcessWorker: false });
}, 60_000);
afterAll(() => stack.close());

describe("a background task and a killed worker", () => {
  it("kill -9 mid-task: a new worker finishes it, every message replayed exactly once", {
    timeout: 90_000,
  }, async () => {
    const app = await stack.svix.application.create({ name: "Big replay" });
    const total = 30_000;
    await db.$executeRaw`
      INSERT INTO "Message" (id, "tenantId", "applicationId", "eventType", payload, "createdAt")
      SELECT 'msg_big' || lpad(g::text, 8, '0'), ${stack.tenant.tenantId}, ${app.id}, 'order.created', '{}'::jsonb,
             now() - interval '10 minutes' + g * interval '1 millisecond'
        FROM generate_series(1, ${total}) g`;
    // Disabled: replayed deliveries are parked, so the test measures the task, not HTTP.
    const ep = await stack.svix.endpoint.create(app.id, {
      url: "https://hooks.example.com/in",
      disabled: true,
    });
    const env = { BACKGROUND_TASK_STALE: "1s" };
    const first = startWorkerProcess(stack.databaseUrl, env);
    await first.ready;
    const task = await startReplayMissing(stack.tenant.tenantId, app.id, ep.id, {
      since: new Date(Date.now() - 3_600_000),
    });
    await waitUntil(
      async () => {
        const row = await db.backgroundTask.findUniqueOrThrow({ where: { id: task.id } });
        return Number((row.data as { scanned?: number }).scanned ?? 0) > 0;
      },
      30_000,
      5,
    );
    first.child.kill("SIGKILL");
    await new Promise((r) => first.child.once("exit", r));
    const halfway = await db.backgroundTask.findUniqueOrThrow({ where: { id: task.id } });
    expect(halfway.status).toBe("running");
    expect(Number((halfway.data as { scanned: number }).scanned)).toBeLessThan(total);

    const second = startWorkerProcess(stack.databaseUrl, env);
    await second.ready;
    const done = await waitUntil(async () => {
      const row = await db.backgroundTask.findUniqueOrThrow({ where: { id: task.id } });
      return row.status === "running" ? null : row;
    }, 60_000);
    expect(done.status).toBe("finished");
    expect(done.data).toMatchObject({ scanned: total, replayed: total });
    expect(await db.delivery.count({ where: { endpointId: ep.id } })).toBe(total);
    await second.stop();
  });
});
