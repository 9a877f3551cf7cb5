import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApplication } from "@/lib/applications/create-application";
import { db } from "@/lib/db";
import type { DeliveryScheduler } from "@/lib/delivery/scheduler";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { deliverMessage } from "@/lib/inngest/functions/deliver-message";
import { endpointHealth } from "@/lib/inngest/functions/endpoint-health";
import { fanOutMessage } from "@/lib/inngest/functions/fan-out-message";
import { graphileScheduler } from "@/lib/jobs/graphile-scheduler";
import { createMessage } from "@/lib/messages/create-message";
import { startDeliveryStack } from "../support/delivery-stack";
import { startReceiver, waitUntil } from "../support/receiver";

// The functions run through @inngest/test: sleeps are mocked, every step.run runs for real
// against PostgreSQL and a loopback receiver.
const noQueue: DeliveryScheduler = { async schedule() {} };
let tenantId: string;
let stack: Awaited<ReturnType<typeof startDeliveryStack>>;

beforeAll(async () => {
  stack = await startDeliveryStack();
  tenantId = stack.tenant.tenantId;
});
afterAll(() => stack.close());

async function messageFor(url: string, extra: { disabled?: boolean } = {}) {
  const { app } = await createApplication(tenantId, { name: "Inngest" });
  const endpoint = await createEndpoint(tenantId, app.id, { url, ...extra });
  const { message } = await createMessage(
    tenantId,
    app.id,
    { eventType: "thing.happened", payload: { n: 1 } },
    { scheduler: noQueue, maxPayloadBytes: 1e6 },
  );
  const delivery = await db.delivery.findFirstOrThrow({ where: { messageId: message.id } });
  return { app, endpoint, message, delivery };
}

function runDeliver(deliveryId: string, endpointId: string) {
  const t = new InngestTestEngine({
    function: deliverMessage,
    events: [{ name: "hookline/delivery.requested", data: { deliveryId, endpointId, trigger: "scheduled" } }],
    // Sleeps end at once: the retry policy's times are asserted, not waited for.
    steps: Array.from({ length: 10 }, (_, i) => ({ id: `wait-${i + 1}`, handler: () => undefined })),
  });
  return t.execute();
}

/** The step ids a mocked step tool was called with, in order. */
const calls = (tool: unknown) => (tool as { mock: { calls: unknown[][] } }).mock.calls.map((c) => c[0]);

describe("Inngest driver", () => {
  it("fan-out-message requests one delivery per listening endpoint", async () => {
    const receiver = await startReceiver();
    const { app, message } = await messageFor(receiver.url);
    await createEndpoint(tenantId, app.id, { url: `${receiver.url}/second` });
    // The second endpoint came after the message: it is not part of the fan-out.
    const t = new InngestTestEngine({
      function: fanOutMessage,
      events: [{ name: "hookline/message.created", data: { messageId: message.id } }],
      // Sending events is Inngest's job; here the step is replaced so nothing leaves the process.
      steps: [{ id: "request-deliveries", handler: () => ({ ids: ["evt_1"] }) }],
    });
    const { result, ctx } = await t.execute();
    expect(result).toEqual({ requested: 1 });
    expect(ctx.step.sendEvent).toHaveBeenCalledWith("request-deliveries", [
      expect.objectContaining({
        name: "hookline/delivery.requested",
        data: expect.objectContaining({ trigger: "scheduled" }),
      }),
    ]);
    await receiver.close();
  });

  it("delivers at once on success", async () => {
    const receiver = await startReceiver();
    const { delivery, endpoint } = await messageFor(receiver.url);
    const { result, ctx } = await runDeliver(delivery.id, endpoint.id);
    expect(result).toEqual({ outcomes: ["succeeded"] });
    expect(calls(ctx.step.run)).toEqual(["attempt-1"]);
    expect(receiver.requests).toHaveLength(1);
    await receiver.close();
  });

  it("retries then succeeds, sleeping until the times our retry policy gives", async () => {
    const receiver = await startReceiver((_r, i) => ({ status: i < 2 ? 500 : 200 }));
    const { delivery, endpoint } = await messageFor(receiver.url);
    const { result, ctx } = await runDeliver(delivery.id, endpoint.id);
    expect(result).toEqual({ outcomes: ["pending", "pending", "succeeded"] });
    expect(calls(ctx.step.run)).toEqual(["attempt-1", "attempt-2", "attempt-3"]);
    expect(calls(ctx.step.sleepUntil)).toEqual(["wait-1", "wait-2"]);
    expect((await db.delivery.findUniqueOrThrow({ where: { id: delivery.id } })).status).toBe("succeeded");
    await receiver.close();
  });

  it("stops when the schedule is exhausted: the delivery is failed", async () => {
    const receiver = await startReceiver(() => ({ status: 500 }));
    const { delivery, endpoint } = await messageFor(receiver.url);
    const { result } = await runDeliver(delivery.id, endpoint.id);
    expect(result).toEqual({ outcomes: ["pending", "pending", "failed"] });
    await receiver.close();
  });

  it("stops on 410 with the endpoint disabled and the delivery parked", async () => {
    const receiver = await startReceiver(() => ({ status: 410 }));
    const { delivery, endpoint } = await messageFor(receiver.url);
    const { result } = await runDeliver(delivery.id, endpoint.id);
    expect(result).toEqual({ outcomes: ["parked"] });
    expect((await db.endpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).disabled).toBe(true);
    await receiver.close();
  });

  it("parks without sending when the endpoint was disabled before the attempt", async () => {
    const receiver = await startReceiver();
    const { delivery, endpoint } = await messageFor(receiver.url);
    await db.endpoint.update({ where: { id: endpoint.id }, data: { disabled: true } });
    const { result } = await runDeliver(delivery.id, endpoint.id);
    expect(result).toEqual({ outcomes: ["parked"] });
    expect(receiver.requests).toHaveLength(0);
    await receiver.close();
  });

  it("endpoint-health sweeps lost deliveries", async () => {
    const t = new InngestTestEngine({ function: endpointHealth });
    const { result } = await t.execute();
    expect(result).toMatchObject({ rescheduled: expect.any(Number) });
  });

  it("makes the same decisions as the graphile-worker driver for the same receiver answers", async () => {
    // 503 with Retry-After: 1, then 500, then 200.
    const answers = (_r: unknown, i: number) =>
      i === 0 ? { status: 503, headers: { "retry-after": "1" } } : { status: i === 1 ? 500 : 200 };
    const record = async (messageId: string) => {
      const attempts = await db.messageAttempt.findMany({
        where: { messageId },
        orderBy: { createdAt: "asc" },
      });
      const delivery = await db.delivery.findFirstOrThrow({ where: { messageId } });
      return {
        codes: attempts.map((a) => a.responseStatusCode),
        kinds: attempts.map((a) => a.errorKind),
        status: delivery.status,
        count: delivery.attemptCount,
        times: attempts.map((a) => a.createdAt.getTime()),
      };
    };

    const viaInngest = await startReceiver(answers);
    const inn = await messageFor(viaInngest.url);
    const { ctx } = await runDeliver(inn.delivery.id, inn.endpoint.id);
    const sleeps = (
      ctx.step.sleepUntil as unknown as { mock: { calls: [string, string | Date][] } }
    ).mock.calls.map((c) => new Date(c[1]).getTime());
    const inngestRecord = await record(inn.message.id);

    const viaGraphile = await startReceiver(answers);
    const { app } = await createApplication(tenantId, { name: "Graphile twin" });
    await createEndpoint(tenantId, app.id, { url: viaGraphile.url });
    const { message } = await createMessage(
      tenantId,
      app.id,
      { eventType: "thing.happened", payload: { n: 1 } },
      { scheduler: graphileScheduler, maxPayloadBytes: 1e6 },
    );
    await waitUntil(
      async () =>
        (await db.delivery.findFirstOrThrow({ where: { messageId: message.id } })).status === "succeeded",
      20_000,
    );
    const graphileRecord = await record(message.id);

    const decisions = (r: typeof inngestRecord) => ({
      codes: r.codes,
      kinds: r.kinds,
      status: r.status,
      count: r.count,
    });
    expect(decisions(inngestRecord)).toEqual({
      codes: [503, 500, 200],
      kinds: ["http_status", "http_status", null],
      status: "succeeded",
      count: 3,
    });
    expect(decisions(graphileRecord)).toEqual(decisions(inngestRecord));
    // Inngest slept until exactly what the policy said: Retry-After (1 s), then the schedule (400 ms).
    expect(sleeps[0]! - inngestRecord.times[0]!).toBeGreaterThanOrEqual(990);
    expect(sleeps[0]! - inngestRecord.times[0]!).toBeLessThan(1100);
    expect(sleeps[1]! - inngestRecord.times[1]!).toBeGreaterThanOrEqual(390);
    expect(sleeps[1]! - inngestRecord.times[1]!).toBeLessThan(500);
    // graphile-worker ran the attempts no earlier than those times.
    expect(graphileRecord.times[1]! - graphileRecord.times[0]!).toBeGreaterThanOrEqual(990);
    expect(graphileRecord.times[2]! - graphileRecord.times[1]!).toBeGreaterThanOrEqual(390);
    await viaInngest.close();
    await viaGraphile.close();
  });
});
