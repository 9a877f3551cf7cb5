import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDeliveryStack } from "../support/delivery-stack";
import { type ReceivedRequest, startReceiver, waitUntil } from "../support/receiver";

let stack: Awaited<ReturnType<typeof startDeliveryStack>>;
let ops: Awaited<ReturnType<typeof startReceiver>>;
let opsSecret: string;

beforeAll(async () => {
  stack = await startDeliveryStack({
    DELIVERY_RETRY_SCHEDULE: "0,100ms,100ms,100ms,100ms",
    ENDPOINT_DISABLE_AFTER: "1h",
  });
  await stack.svix.eventType.create({ name: "order.placed", description: "" });
  ops = await startReceiver();
  const endpoint = await stack.svix.operationalWebhook.endpoint.create({ url: ops.url, description: "Ops" });
  opsSecret = (await stack.svix.operationalWebhook.endpoint.getSecret(endpoint.id)).key;
});
afterAll(async () => {
  await ops.close();
  await stack.close();
});

/** The operational events received so far, each verified with the operational endpoint's secret. */
function received(): { type: string; data: Record<string, unknown> }[] {
  const verifier = new Webhook(opsSecret.slice("whsec_".length));
  return ops.requests.map((r: ReceivedRequest) =>
    verifier.verify(r.body, {
      "webhook-id": String(r.headers["webhook-id"]),
      "webhook-timestamp": String(r.headers["webhook-timestamp"]),
      "webhook-signature": String(r.headers["webhook-signature"]),
    }),
  ) as { type: string; data: Record<string, unknown> }[];
}
const waitForEvent = (type: string, match: (d: Record<string, unknown>) => boolean) =>
  waitUntil(async () => received().find((e) => e.type === type && match(e.data)), 20_000);

describe("operational webhooks", () => {
  it("manages operational endpoints through the svix SDK, apart from the applications", async () => {
    const list = await stack.svix.operationalWebhook.endpoint.list();
    expect(list.data).toHaveLength(1);
    const apps = await stack.svix.application.list();
    expect(apps.data.map((a) => a.uid)).not.toContain("__operational__");
    const bad = await stack.svix.operationalWebhook.endpoint
      .create({ url: ops.url, eventTypes: ["invoice.paid"] })
      .catch((e) => e);
    expect(bad.code).toBe(422);
    await expect(stack.svix.application.create({ name: "x", uid: "__sneaky" })).rejects.toMatchObject({
      code: 422,
    });
  });

  it("tells the tenant when an endpoint is created, updated and deleted", async () => {
    const app = await stack.svix.application.create({ name: "Ops lifecycle", uid: "ops-lifecycle" });
    const ep = await stack.svix.endpoint.create(app.id, { url: "https://example.com/hook" });
    await stack.svix.endpoint.patch(app.id, ep.id, { description: "changed" });
    await stack.svix.endpoint.delete(app.id, ep.id);
    for (const type of ["endpoint.created", "endpoint.updated", "endpoint.deleted"]) {
      const event = await waitForEvent(type, (d) => d.endpointId === ep.id);
      expect(event.data).toMatchObject({ appId: app.id, appUid: "ops-lifecycle", endpointId: ep.id });
    }
  });

  it("tells the tenant when attempts are failing, exhausted, recovered, and when an endpoint is disabled", async () => {
    const failing = await startReceiver(() => ({ status: 500 }));
    const flaky = await startReceiver((_r, i) => ({ status: i < 2 ? 500 : 200 }));
    const gone = await startReceiver(() => ({ status: 410 }));
    const app = await stack.svix.application.create({ name: "Ops attempts" });
    const failingEp = await stack.svix.endpoint.create(app.id, { url: failing.url });
    const m1 = await stack.svix.message.create(app.id, {
      eventType: "order.placed",
      payload: {},
      eventId: "order-1",
    });
    const failingEvent = await waitForEvent("message.attempt.failing", (d) => d.msgId === m1.id);
    expect(failingEvent.data).toMatchObject({
      endpointId: failingEp.id,
      msgEventId: "order-1",
      lastAttempt: { responseStatusCode: 500 },
    });
    await waitForEvent("message.attempt.exhausted", (d) => d.msgId === m1.id);
    await stack.svix.endpoint.delete(app.id, failingEp.id);

    const flakyEp = await stack.svix.endpoint.create(app.id, { url: flaky.url });
    const m2 = await stack.svix.message.create(app.id, { eventType: "order.placed", payload: {} });
    const recovered = await waitForEvent("message.attempt.recovered", (d) => d.msgId === m2.id);
    expect(recovered.data).toMatchObject({
      endpointId: flakyEp.id,
      lastAttempt: { responseStatusCode: 200 },
    });
    await stack.svix.endpoint.delete(app.id, flakyEp.id);

    const goneEp = await stack.svix.endpoint.create(app.id, { url: gone.url });
    await stack.svix.message.create(app.id, { eventType: "order.placed", payload: {} });
    const disabled = await waitForEvent("endpoint.disabled", (d) => d.endpointId === goneEp.id);
    expect(disabled.data.reason).toContain("410");
    for (const r of [failing, flaky, gone]) await r.close();
  });
});
