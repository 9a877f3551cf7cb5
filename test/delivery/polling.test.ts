import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { SETTLE_MS } from "@/lib/poller/poller";
import { startDeliveryStack } from "../support/delivery-stack";

// Svix's polling endpoints through the SDK's message.poller: a customer without an HTTP endpoint
// reads the application's messages with a cursor, or as a named consumer the server keeps track of.
let stack: Awaited<ReturnType<typeof startDeliveryStack>>;
let appId: string;
let sinkId: string;
const sent: string[] = [];

const settle = () => new Promise((r) => setTimeout(r, SETTLE_MS + 200));

beforeAll(async () => {
  stack = await startDeliveryStack();
  for (const name of ["order.created", "order.paid", "user.created"])
    await stack.svix.eventType.create({ name, description: "" });
  appId = (await stack.svix.application.create({ name: "Poller" })).id;
  // `polling: true` is Hookline's (the SDK's EndpointIn has no such field), so raw HTTP.
  const res = await fetch(`${stack.api.url}/api/v1/app/${appId}/endpoint`, {
    method: "POST",
    headers: { authorization: `Bearer ${stack.tenant.apiKey}`, "content-type": "application/json" },
    body: JSON.stringify({
      url: "https://unused.example.com/",
      uid: "orders-poller",
      polling: true,
      eventTypes: ["order.created", "order.paid"],
    }),
  });
  expect(res.status).toBe(201);
  sinkId = (await res.json()).id;
  for (let i = 0; i < 7; i++)
    sent.push(
      (
        await stack.svix.message.create(appId, {
          eventType: i === 3 ? "user.created" : i % 2 ? "order.paid" : "order.created",
          payload: { i },
        })
      ).id,
    );
  await settle();
}, 60_000);
afterAll(() => stack.close());

const orders = () => sent.filter((_, i) => i !== 3);

describe("polling endpoints", () => {
  it("get no deliveries: they are read, not sent to", async () => {
    expect(await db.delivery.count({ where: { endpointId: sinkId } })).toBe(0);
    expect((await stack.svix.endpoint.get(appId, sinkId)) as unknown as { polling?: boolean }).toBeTruthy();
  });

  it("poll pages through the messages its filters take, in order, with the iterator", async () => {
    const seen: string[] = [];
    let iterator: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await stack.svix.message.poller.poll(appId, "orders-poller", { limit: 4, iterator });
      seen.push(...page.data.map((m) => m.id));
      iterator = page.iterator;
      if (page.done) break;
    }
    expect(seen).toEqual(orders());
    expect((await stack.svix.message.poller.poll(appId, sinkId, { iterator })).data).toEqual([]);
    const paid = await stack.svix.message.poller.poll(appId, sinkId, { eventType: "order.paid" });
    expect(paid.data.map((m) => m.eventType)).toEqual(["order.paid", "order.paid"]);
    expect(paid.data[0]!.payload).toEqual({ i: 1 });
  });

  it("a consumer reads every message exactly once, in order, and seek moves it", async () => {
    const read: string[] = [];
    for (let i = 0; i < 10; i++) {
      const page = await stack.svix.message.poller.consumerPoll(appId, sinkId, "billing", { limit: 2 });
      read.push(...page.data.map((m) => m.id));
      if (page.done) break;
    }
    expect(read).toEqual(orders());
    // New messages arrive after; the consumer picks up exactly those.
    const later = (
      await stack.svix.message.create(appId, { eventType: "order.created", payload: { later: true } })
    ).id;
    await settle();
    expect(
      (await stack.svix.message.poller.consumerPoll(appId, sinkId, "billing")).data.map((m) => m.id),
    ).toEqual([later]);
    expect((await stack.svix.message.poller.consumerPoll(appId, sinkId, "billing")).data).toEqual([]);
    // Another consumer has its own position, from the start.
    expect(
      (await stack.svix.message.poller.consumerPoll(appId, sinkId, "audit", { limit: 250 })).data,
    ).toHaveLength(7);

    // Seek to just after the 4th order message: the rest come again.
    const fourth = await db.message.findUniqueOrThrow({ where: { id: orders()[3]! } });
    await stack.svix.message.poller.consumerSeek(appId, sinkId, "billing", { after: fourth.createdAt });
    const again = await stack.svix.message.poller.consumerPoll(appId, sinkId, "billing", { limit: 250 });
    expect(again.data.map((m) => m.id)).toEqual([...orders(), later].filter((id) => id > fourth.id));
  });

  it("refuses bad iterators and consumer ids (422), and another tenant's or unknown sinks (404)", async () => {
    await expect(
      stack.svix.message.poller.poll(appId, sinkId, { iterator: "nonsense!" }),
    ).rejects.toMatchObject({ code: 422 });
    await expect(stack.svix.message.poller.consumerPoll(appId, sinkId, "has space")).rejects.toMatchObject({
      code: 422,
    });
    await expect(stack.svix.message.poller.poll(appId, "ep_nope")).rejects.toMatchObject({ code: 404 });
  });
});
