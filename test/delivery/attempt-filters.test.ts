import type { MessageAttemptOut } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startDeliveryStack } from "../support/delivery-stack";
import { startReceiver, waitUntil } from "../support/receiver";

// Each of Svix's attempt-list filters, shown to filter: the same attempts listed with and without
// it, the filtered list being exactly the matching subset.
let stack: Awaited<ReturnType<typeof startDeliveryStack>>;
let appId: string;
let endpointId: string;
let refusedEndpointId: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  stack = await startDeliveryStack({ DELIVERY_RETRY_SCHEDULE: "0" });
  const { svix } = stack;
  for (const name of ["order.created", "order.paid", "user.created"])
    await svix.eventType.create({ name, description: "" });
  appId = (await svix.application.create({ name: "Filters" })).id;
  // The receiver answers by what the message asks for.
  const receiver = await startReceiver((req) => ({ status: JSON.parse(req.body).answer as number }));
  endpointId = (await svix.endpoint.create(appId, { url: receiver.url, uid: "main" })).id;
  // A port nobody listens on: no HTTP status at all (class 0).
  const closed = await startReceiver();
  await closed.close();
  refusedEndpointId = (await svix.endpoint.create(appId, { url: closed.url, eventTypes: ["user.created"] }))
    .id;
  const send = async (key: string, eventType: string, answer: number, extra: object = {}) => {
    ids[key] = (await svix.message.create(appId, { eventType, payload: { answer }, ...extra })).id;
  };
  await send("ok", "order.created", 200, { channels: ["eu"], tags: ["vip"] });
  await send("notFound", "order.paid", 404, { channels: ["us"] });
  await send("broken", "order.paid", 503, { tags: ["vip"] });
  await send("user", "user.created", 204);
  // 4 attempts at the receiver, 1 refused connection; wait for all five.
  await waitUntil(async () => (await db.messageAttempt.count({ where: { applicationId: appId } })) === 5);
}, 60_000);
afterAll(() => stack.close());

async function attemptsAt(endpoint: string, query: Record<string, unknown> = {}) {
  return (await stack.svix.messageAttempt.listByEndpoint(appId, endpoint, query)).data;
}
const msgIds = (list: MessageAttemptOut[]) => list.map((a) => a.msgId).sort();
const sorted = (...keys: string[]) => keys.map((k) => ids[k]!).sort();

describe("attempt lists filter as Svix's do", () => {
  it("without filters: every attempt at the endpoint", async () => {
    expect(msgIds(await attemptsAt(endpointId))).toEqual(sorted("ok", "notFound", "broken", "user"));
  });

  it("status: 0 success, 2 fail, and pending/sending (1, 3) never match an attempt", async () => {
    expect(msgIds(await attemptsAt(endpointId, { status: 0 }))).toEqual(sorted("ok", "user"));
    expect(msgIds(await attemptsAt(endpointId, { status: 2 }))).toEqual(sorted("notFound", "broken"));
    expect(await attemptsAt(endpointId, { status: 1 })).toEqual([]);
  });

  it("status_code_class: 200, 400, 500, and 0 for no HTTP answer", async () => {
    expect(msgIds(await attemptsAt(endpointId, { statusCodeClass: 200 }))).toEqual(sorted("ok", "user"));
    expect(msgIds(await attemptsAt(endpointId, { statusCodeClass: 400 }))).toEqual(sorted("notFound"));
    expect(msgIds(await attemptsAt(endpointId, { statusCodeClass: 500 }))).toEqual(sorted("broken"));
    expect(await attemptsAt(endpointId, { statusCodeClass: 0 })).toEqual([]);
    const refused = await attemptsAt(refusedEndpointId, { statusCodeClass: 0 });
    expect(msgIds(refused)).toEqual(sorted("user"));
    expect(refused[0]!.responseStatusCode).toBe(0);
  });

  it("event_types, channel and tag filter by the attempt's message", async () => {
    expect(msgIds(await attemptsAt(endpointId, { eventTypes: ["order.paid"] }))).toEqual(
      sorted("notFound", "broken"),
    );
    expect(msgIds(await attemptsAt(endpointId, { eventTypes: ["order.created", "user.created"] }))).toEqual(
      sorted("ok", "user"),
    );
    expect(msgIds(await attemptsAt(endpointId, { channel: "eu" }))).toEqual(sorted("ok"));
    expect(msgIds(await attemptsAt(endpointId, { tag: "vip" }))).toEqual(sorted("ok", "broken"));
    expect(msgIds(await attemptsAt(endpointId, { tag: "vip", statusCodeClass: 500 }))).toEqual(
      sorted("broken"),
    );
  });

  it("with_msg adds the message (its payload unless with_content=false, which also drops the response)", async () => {
    // The SDK sends with_content=false unless asked (Svix's default for these lists).
    const [withMsg] = await attemptsAt(endpointId, { withMsg: true, withContent: true, channel: "eu" });
    expect(withMsg!.msg).toMatchObject({ id: ids.ok, eventType: "order.created", payload: { answer: 200 } });
    const [bare] = await attemptsAt(endpointId, { withMsg: true, withContent: false, channel: "eu" });
    expect(bare!.msg).toMatchObject({ id: ids.ok, payload: {} });
    expect(bare!.response).toBe("");
    const [plain] = await attemptsAt(endpointId, { channel: "eu" });
    expect(plain!.msg ?? null).toBeNull();
  });

  it("the list by message takes the same filters, and endpoint_id by id or uid", async () => {
    const byMsg = (query: Record<string, unknown>) =>
      stack.svix.messageAttempt.listByMsg(appId, ids.user!, query).then((r) => r.data);
    expect(await byMsg({})).toHaveLength(2);
    expect((await byMsg({ endpointId: "main" })).map((a) => a.endpointId)).toEqual([endpointId]);
    expect((await byMsg({ statusCodeClass: 0 })).map((a) => a.endpointId)).toEqual([refusedEndpointId]);
    await expect(byMsg({ endpointId: "no-such-endpoint" })).rejects.toMatchObject({ code: 404 });
  });

  it("refuses a status code class Svix does not have (422)", async () => {
    await expect(attemptsAt(endpointId, { statusCodeClass: 250 })).rejects.toMatchObject({ code: 422 });
  });
});

describe("messages attempted at an endpoint", () => {
  it("lists them newest first with their status there, filtered like the attempts", async () => {
    const list = (query: Record<string, unknown> = {}) =>
      stack.svix.messageAttempt.listAttemptedMessages(appId, "main", query).then((r) => r.data);
    const all = await list();
    expect(all.map((m) => m.id)).toEqual([ids.user, ids.broken, ids.notFound, ids.ok]);
    expect(all.find((m) => m.id === ids.ok)).toMatchObject({ status: 0, statusText: "success" });
    expect(all.find((m) => m.id === ids.broken)).toMatchObject({ status: 2, statusText: "fail" });
    expect((await list({ status: 2 })).map((m) => m.id).sort()).toEqual(sorted("notFound", "broken"));
    expect((await list({ channel: "us" })).map((m) => m.id)).toEqual([ids.notFound]);
    expect((await list({ tag: "vip", eventTypes: ["order.paid"] })).map((m) => m.id)).toEqual([ids.broken]);
    expect((await list({ withContent: false }))[0]!.payload).toEqual({});
    const page = await stack.svix.messageAttempt.listAttemptedMessages(appId, "main", { limit: 3 });
    expect(page.done).toBe(false);
    const next = await stack.svix.messageAttempt.listAttemptedMessages(appId, "main", {
      limit: 3,
      iterator: page.iterator,
    });
    expect(next.data.map((m) => m.id)).toEqual([ids.ok]);
  });
});

describe("expunging one attempt's content", () => {
  it("removes its response body and nothing else; another message's attempt id is a 404", async () => {
    const [attempt] = await attemptsAt(endpointId, { channel: "us" });
    await db.messageAttempt.update({ where: { id: attempt!.id }, data: { response: "secret body" } });
    await stack.svix.messageAttempt.expungeContent(appId, ids.notFound!, attempt!.id);
    expect((await stack.svix.messageAttempt.get(appId, ids.notFound!, attempt!.id)).response).toBe("");
    expect((await db.messageAttempt.findUniqueOrThrow({ where: { id: attempt!.id } })).response).toBeNull();
    await expect(stack.svix.messageAttempt.expungeContent(appId, ids.ok!, attempt!.id)).rejects.toMatchObject(
      { code: 404 },
    );
  });
});
