import { createHmac } from "node:crypto";
import { Webhook as StandardWebhook } from "standardwebhooks";
import { messageInRaw } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { retentionSweep } from "@/lib/messages/retention-sweep";
import { startDeliveryStack } from "../support/delivery-stack";
import { startReceiver } from "../support/receiver";

// Every field of Svix's MessageIn, through the official SDK, to a real receiver.
let stack: Awaited<ReturnType<typeof startDeliveryStack>>;

beforeAll(async () => {
  stack = await startDeliveryStack();
});
afterAll(() => stack.close());

const verifyHeaders = (h: Record<string, string | string[] | undefined>) => ({
  "webhook-id": String(h["webhook-id"]),
  "webhook-timestamp": String(h["webhook-timestamp"]),
  "webhook-signature": String(h["webhook-signature"]),
});

describe("MessageIn.application", () => {
  it("creates the application the path names (its uid) once, and ignores it when the application exists", async () => {
    const first = await stack.svix.message.create("acme-inline", {
      eventType: "x.created",
      payload: { n: 1 },
      application: { name: "Acme (inline)", metadata: { plan: "pro" } },
    });
    expect(first.id).toMatch(/^msg_/);
    const app = await stack.svix.application.get("acme-inline");
    expect(app).toMatchObject({ name: "Acme (inline)", uid: "acme-inline", metadata: { plan: "pro" } });

    await stack.svix.message.create("acme-inline", {
      eventType: "x.created",
      payload: { n: 2 },
      application: { name: "Another name" },
    });
    expect((await stack.svix.application.get("acme-inline")).name).toBe("Acme (inline)");
    expect((await stack.svix.message.list("acme-inline")).data).toHaveLength(2);
  });

  it("five sends racing to a new uid make one application and five messages", async () => {
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        stack.svix.message.create("race-inline", {
          eventType: "x.created",
          payload: { i },
          application: { name: "Raced" },
        }),
      ),
    );
    expect(await db.application.count({ where: { uid: "race-inline" } })).toBe(1);
    expect((await stack.svix.message.list("race-inline")).data).toHaveLength(5);
  });

  it("without it, an unknown application is still a 404", async () => {
    await expect(
      stack.svix.message.create("nobody-here", { eventType: "x.created", payload: {} }),
    ).rejects.toMatchObject({ code: 404 });
  });
});

describe("MessageIn.deliverAt", () => {
  it("holds the message until then, shows it scheduled, and delivers no earlier", async () => {
    const app = await stack.svix.application.create({ name: "Scheduled" });
    const receiver = await startReceiver();
    await stack.svix.endpoint.create(app.id, { url: receiver.url });
    const deliverAt = new Date(Date.now() + 2500);
    const msg = await stack.svix.message.create(app.id, {
      eventType: "x.later",
      payload: { n: 1 },
      deliverAt,
    });
    expect(msg.deliverAt?.toISOString()).toBe(deliverAt.toISOString());
    expect((await stack.svix.message.get(app.id, msg.id)).deliverAt?.toISOString()).toBe(
      deliverAt.toISOString(),
    );
    const [dest] = (await stack.svix.messageAttempt.listAttemptedDestinations(app.id, msg.id)).data;
    expect(dest).toMatchObject({ statusText: "pending" });
    expect(new Date((dest as unknown as { nextAttempt: string }).nextAttempt).getTime()).toBe(
      deliverAt.getTime(),
    );
    await receiver.waitFor(1);
    expect(receiver.requests[0]!.at).toBeGreaterThanOrEqual(deliverAt.getTime());
    await receiver.close();
  });

  it("refuses more than 24 hours ahead (422); a time already past means now", async () => {
    const app = await stack.svix.application.create({ name: "Too far" });
    await expect(
      stack.svix.message.create(app.id, {
        eventType: "x.later",
        payload: {},
        deliverAt: new Date(Date.now() + 25 * 3_600_000),
      }),
    ).rejects.toMatchObject({ code: 422 });
    const receiver = await startReceiver();
    await stack.svix.endpoint.create(app.id, { url: receiver.url });
    const past = await stack.svix.message.create(app.id, {
      eventType: "x.now",
      payload: {},
      deliverAt: new Date(Date.now() - 60_000),
    });
    expect(past.deliverAt ?? null).toBeNull();
    await receiver.waitFor(1);
    await receiver.close();
  });
});

describe("raw payloads (the SDK's messageInRaw)", () => {
  it("delivers the bytes as given with their content type, signed over exactly those bytes", async () => {
    const app = await stack.svix.application.create({ name: "Raw" });
    const receiver = await startReceiver();
    const ep = await stack.svix.endpoint.create(app.id, { url: receiver.url });
    const csv = 'id,name,amount\n1,"Ünïcode, Ltd.",12.50\n2,plain,0\n';
    await stack.svix.message.create(app.id, messageInRaw("report.ready", csv, "text/csv; charset=utf-8"));
    await receiver.waitFor(1);
    const got = receiver.requests[0]!;
    expect(got.body).toBe(csv);
    expect(got.headers["content-type"]).toBe("text/csv; charset=utf-8");
    const { key } = await stack.svix.endpoint.getSecret(app.id, ep.id);
    const h = verifyHeaders(got.headers);
    // standardwebhooks' verify() parses the body as JSON after checking it, so its sign() checks
    // the header for these exact bytes; node:crypto checks them independently.
    const timestamp = new Date(Number(h["webhook-timestamp"]) * 1000);
    expect(h["webhook-signature"].split(" ")).toContain(
      new StandardWebhook(key.slice("whsec_".length)).sign(h["webhook-id"], timestamp, got.body),
    );
    const mac = createHmac("sha256", Buffer.from(key.slice("whsec_".length), "base64"))
      .update(`${h["webhook-id"]}.${h["webhook-timestamp"]}.${got.body}`)
      .digest("base64");
    expect(h["webhook-signature"].split(" ")).toContain(`v1,${mac}`);
    await receiver.close();
  });

  it("without a content type it is text/plain; a raw body over the size limit is a 413", async () => {
    const app = await stack.svix.application.create({ name: "Raw plain" });
    const receiver = await startReceiver();
    await stack.svix.endpoint.create(app.id, { url: receiver.url });
    await stack.svix.message.create(app.id, messageInRaw("x.raw", "<hello/>"));
    await receiver.waitFor(1);
    expect(receiver.requests[0]!.headers["content-type"]).toBe("text/plain");
    expect(receiver.requests[0]!.body).toBe("<hello/>");
    await expect(
      stack.svix.message.create(app.id, messageInRaw("x.raw", "x".repeat(1_100_000))),
    ).rejects.toMatchObject({ code: 413 });
    await receiver.close();
  });
});

describe("payload retention per message", () => {
  it("payloadRetentionHours expunges that message's payload sooner; others keep the tenant's period", async () => {
    const app = await stack.svix.application.create({ name: "Retention" });
    const short = await stack.svix.message.create(app.id, {
      eventType: "x.short",
      payload: { secret: 1 },
      payloadRetentionHours: 1,
    });
    const raw = await stack.svix.message.create(app.id, {
      ...messageInRaw("x.raw", "raw secret"),
      payloadRetentionHours: 1,
    });
    const normal = await stack.svix.message.create(app.id, { eventType: "x.normal", payload: { keep: 1 } });
    const days = await stack.svix.message.create(app.id, {
      eventType: "x.days",
      payload: { keep: 2 },
      payloadRetentionPeriod: 1,
    });
    await retentionSweep(new Date(Date.now() + 2 * 3_600_000));
    const row = (id: string) => db.message.findUniqueOrThrow({ where: { id } });
    expect(await row(short.id)).toMatchObject({ payload: null, expungedAt: expect.any(Date) });
    expect(await row(raw.id)).toMatchObject({ payload: null, rawPayload: null });
    expect((await row(normal.id)).payload).toEqual({ keep: 1 });
    expect((await row(days.id)).payload).toEqual({ keep: 2 });
    await retentionSweep(new Date(Date.now() + 25 * 3_600_000));
    expect((await row(days.id)).payload).toBeNull();
    expect((await row(normal.id)).payload).toEqual({ keep: 1 });
  });

  it("refuses both at once, and values outside Svix's bounds", async () => {
    const app = await stack.svix.application.create({ name: "Retention bounds" });
    for (const bad of [
      { payloadRetentionPeriod: 2, payloadRetentionHours: 3 },
      { payloadRetentionPeriod: 91 },
      { payloadRetentionHours: 2161 },
      { payloadRetentionHours: 0 },
    ])
      await expect(
        stack.svix.message.create(app.id, { eventType: "x.y", payload: {}, ...bad }),
      ).rejects.toMatchObject({ code: 422 });
  });
});

describe("channels and tags with Svix's patterns", () => {
  it("accepts '+' in channels and '/', '#', '\\' in tags; refuses repeats and other characters", async () => {
    const app = await stack.svix.application.create({ name: "Patterns" });
    const receiver = await startReceiver();
    await stack.svix.endpoint.create(app.id, { url: receiver.url, channels: ["team+eu"] });
    const msg = await stack.svix.message.create(app.id, {
      eventType: "x.y",
      payload: {},
      channels: ["team+eu", "other:1"],
      tags: ["project/42", "#hash", "back\\slash"],
    });
    expect(msg.tags).toEqual(["project/42", "#hash", "back\\slash"]);
    await receiver.waitFor(1);
    for (const bad of [
      { channels: ["a", "a"] },
      { channels: ["has space"] },
      { channels: [] },
      { tags: ["x", "x"] },
      { tags: ["no spaces"] },
      { eventId: "has space" },
    ])
      await expect(
        stack.svix.message.create(app.id, { eventType: "x.y", payload: {}, ...bad }),
      ).rejects.toMatchObject({ code: 422 });
    await receiver.close();
  });
});

describe("message.precheck", () => {
  it("says whether an enabled endpoint would receive the type (and channels)", async () => {
    const app = await stack.svix.application.create({ name: "Precheck" });
    const precheck = (eventType: string, channels?: string[]) =>
      stack.svix.message.precheck(app.id, { eventType, channels }).then((r) => r.active);
    expect(await precheck("invoice.paid")).toBe(false);
    await stack.svix.eventType.create({ name: "invoice.paid", description: "" });
    const ep = await stack.svix.endpoint.create(app.id, {
      url: "https://hooks.example.com/in",
      eventTypes: ["invoice.paid"],
      channels: ["eu"],
    });
    expect(await precheck("invoice.paid", ["eu"])).toBe(true);
    expect(await precheck("invoice.paid", ["us"])).toBe(false);
    expect(await precheck("user.created", ["eu"])).toBe(false);
    await stack.svix.endpoint.patch(app.id, ep.id, { disabled: true });
    expect(await precheck("invoice.paid", ["eu"])).toBe(false);
    await expect(stack.svix.message.precheck("no-such-app", { eventType: "x" })).rejects.toMatchObject({
      code: 404,
    });
  });
});
