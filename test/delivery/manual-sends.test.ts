import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startDeliveryStack } from "../support/delivery-stack";
import { startReceiver, waitUntil } from "../support/receiver";

let stack: Awaited<ReturnType<typeof startDeliveryStack>>;

beforeAll(async () => {
  stack = await startDeliveryStack({ ENDPOINT_DISABLE_AFTER: "1h" });
  await stack.svix.eventType.create({ name: "ping", description: "" });
});
afterAll(() => stack.close());

const statusOf = async (messageId: string, endpointId: string) =>
  (await db.delivery.findUniqueOrThrow({ where: { messageId_endpointId: { messageId, endpointId } } }))
    .status;

describe("manual sends", () => {
  it("recover only takes messages in the window", async () => {
    const receiver = await startReceiver(() => ({ status: 500 }));
    const app = await stack.svix.application.create({ name: "Window" });
    const ep = await stack.svix.endpoint.create(app.id, { url: receiver.url });
    const old = await stack.svix.message.create(app.id, { eventType: "ping", payload: { n: "old" } });
    await waitUntil(async () => (await statusOf(old.id, ep.id)) === "failed");
    const cut = new Date();
    const recent = await stack.svix.message.create(app.id, { eventType: "ping", payload: { n: "recent" } });
    await waitUntil(async () => (await statusOf(recent.id, ep.id)) === "failed");
    receiver.setResponder(() => ({ status: 200 }));
    await stack.svix.endpoint.recover(app.id, ep.id, { since: cut });
    await waitUntil(async () => (await statusOf(recent.id, ep.id)) === "succeeded");
    expect(await statusOf(old.id, ep.id)).toBe("failed");
    await receiver.close();
  });

  it("resends a failed message to one endpoint, recorded as a manual attempt", async () => {
    const receiver = await startReceiver(() => ({ status: 500 }));
    const app = await stack.svix.application.create({ name: "Resend" });
    const ep = await stack.svix.endpoint.create(app.id, { url: receiver.url });
    const msg = await stack.svix.message.create(app.id, { eventType: "ping", payload: { resend: true } });
    await waitUntil(async () => (await statusOf(msg.id, ep.id)) === "failed");
    receiver.setResponder(() => ({ status: 204 }));
    await stack.svix.messageAttempt.resend(app.id, msg.id, ep.id);
    await waitUntil(async () => (await statusOf(msg.id, ep.id)) === "succeeded");
    const last = receiver.requests.at(-1)!;
    expect(last.headers["webhook-id"]).toBe(msg.id);
    const attempts = await stack.svix.messageAttempt.listByMsg(app.id, msg.id);
    expect(attempts.data[0]).toMatchObject({ triggerType: 1, responseStatusCode: 204 });
    expect(attempts.data.slice(1).every((a) => a.triggerType === 0)).toBe(true);
    await receiver.close();
  });

  it("a resend to a disabled endpoint is a 409 saying so, never a 202 that sends nothing", async () => {
    const receiver = await startReceiver();
    const app = await stack.svix.application.create({ name: "Resend disabled" });
    const ep = await stack.svix.endpoint.create(app.id, { url: receiver.url, disabled: true });
    const msg = await stack.svix.message.create(app.id, { eventType: "ping", payload: {} });
    await waitUntil(async () => (await statusOf(msg.id, ep.id)) === "parked");
    await expect(stack.svix.messageAttempt.resend(app.id, msg.id, ep.id)).rejects.toMatchObject({
      code: 409,
      body: { code: "conflict", detail: expect.stringContaining("is disabled, so nothing would be sent") },
    });
    expect(await statusOf(msg.id, ep.id)).toBe("parked");
    expect(receiver.requests).toHaveLength(0);
    await receiver.close();
  });

  it("sends an event type's example to one endpoint", async () => {
    await stack.svix.eventType.create({
      name: "invoice.created",
      description: "",
      schemas: { "1": { type: "object", examples: [{ invoiceId: "inv_1", amount: 100 }] } },
    });
    const receiver = await startReceiver();
    const other = await startReceiver();
    const app = await stack.svix.application.create({ name: "Example" });
    const ep = await stack.svix.endpoint.create(app.id, { url: receiver.url });
    await stack.svix.endpoint.create(app.id, { url: other.url });
    await stack.svix.endpoint.sendExample(app.id, ep.id, { eventType: "invoice.created" });
    await receiver.waitFor(1);
    expect(JSON.parse(receiver.requests[0]!.body)).toEqual({ invoiceId: "inv_1", amount: 100 });
    await new Promise((r) => setTimeout(r, 300));
    expect(other.requests).toHaveLength(0);
    await receiver.close();
    await other.close();
  });
});
