import { createHmac } from "node:crypto";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { runTransformation } from "@/lib/transformations/run-transformation";
import { startDeliveryStack } from "../support/delivery-stack";
import { startReceiver, waitUntil } from "../support/receiver";

// Svix-compatible transformations: GET/PATCH through the SDK, run per delivery in the QuickJS
// sandbox before signing, so the signature covers what is sent.
let stack: Awaited<ReturnType<typeof startDeliveryStack>>;

beforeAll(async () => {
  stack = await startDeliveryStack();
});
afterAll(() => stack.close());

const webhook = {
  eventType: "x.y",
  payload: { n: 1 },
  url: "https://a.example/",
  method: "POST" as const,
  headers: {},
  cancel: false,
};

describe("the sandbox", () => {
  it("has no host: no process, require, fetch, timers, file system", async () => {
    const out = await runTransformation(
      `function handler(w) { w.payload = { seen: [typeof process, typeof require, typeof fetch, typeof setTimeout, typeof globalThis.os, typeof globalThis.std] }; return w; }`,
      webhook,
    );
    expect(JSON.parse(out.body)).toEqual({ seen: Array(6).fill("undefined") });
  });

  it("stops a loop at 100 ms, a memory hog at 16 MiB, a deep recursion; a throw names its error", async () => {
    // They run on worker threads: this process's event loop never waits for them.
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = Date.now();
    await expect(runTransformation("function handler(w) { for (;;) {} }", webhook)).rejects.toThrow(
      /ran over its 100 ms/,
    );
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(
      runTransformation(
        "function handler(w) { var a = []; for (;;) a.push(new Array(100000).fill(1)); }",
        webhook,
      ),
    ).rejects.toThrow(/memory|100 ms/);
    delay.disable();
    expect(delay.max / 1e6).toBeLessThan(200);
    await expect(runTransformation("function handler(w) { return handler(w); }", webhook)).rejects.toThrow(
      /threw/,
    );
    await expect(
      runTransformation("function handler(w) { throw new TypeError('nope'); }", webhook),
    ).rejects.toThrow(/TypeError: nope/);
    await expect(runTransformation("var notHandler = 1;", webhook)).rejects.toThrow(/function handler/);
    await expect(
      runTransformation("function handler(w) { w.method = 'GET'; return w; }", webhook),
    ).rejects.toThrow(/POST or PUT/);
    await expect(
      runTransformation("function handler(w) { w.url = 'ftp://x'; return w; }", webhook),
    ).rejects.toThrow(/URL/);
  });
});

describe("transformations on deliveries", () => {
  it("GET/PATCH through the SDK; the receiver gets the transformed request, signed over its bytes", async () => {
    const app = await stack.svix.application.create({ name: "Transformed" });
    const receiver = await startReceiver();
    const ep = await stack.svix.endpoint.create(app.id, {
      url: `${receiver.url}/original`,
      headers: { "X-Keep": "1" },
    });
    expect(await stack.svix.endpoint.transformation.get(app.id, ep.id)).toMatchObject({ enabled: false });
    await expect(
      stack.svix.endpoint.transformation.patch(app.id, ep.id, { enabled: true }),
    ).rejects.toMatchObject({
      code: 409,
    });
    const code = `function handler(webhook, variables) {
      webhook.payload = { amount: webhook.payload.amount * 100, currency: variables.currency, type: webhook.eventType };
      webhook.url = webhook.url.replace("/original", "/transformed");
      webhook.method = "PUT";
      webhook.headers["X-Added"] = "yes";
      return webhook;
    }`;
    await stack.svix.endpoint.transformation.patch(app.id, ep.id, { code, enabled: true });
    await fetch(`${stack.api.url}/api/v1/app/${app.id}/endpoint/${ep.id}/transformation`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${stack.tenant.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ variables: { currency: "EUR" } }),
    });
    expect(await stack.svix.endpoint.transformation.get(app.id, ep.id)).toMatchObject({
      code,
      enabled: true,
    });

    await stack.svix.message.create(app.id, { eventType: "invoice.paid", payload: { amount: 12.5 } });
    await receiver.waitFor(1);
    const got = receiver.requests[0]!;
    expect(got.url.endsWith("/transformed")).toBe(true);
    expect(JSON.parse(got.body)).toEqual({ amount: 1250, currency: "EUR", type: "invoice.paid" });
    expect(got.headers["x-keep"]).toBe("1");
    expect(got.headers["x-added"]).toBe("yes");
    const { key } = await stack.svix.endpoint.getSecret(app.id, ep.id);
    const mac = createHmac("sha256", Buffer.from(key.slice(6), "base64"))
      .update(`${got.headers["webhook-id"]}.${got.headers["webhook-timestamp"]}.${got.body}`)
      .digest("base64");
    expect(String(got.headers["webhook-signature"]).split(" ")).toContain(`v1,${mac}`);
    await receiver.close();
  });

  it("cancel records the delivery as canceled (not sent, not failed); a broken script is a recorded failure", async () => {
    const app = await stack.svix.application.create({ name: "Canceled" });
    const receiver = await startReceiver();
    const ep = await stack.svix.endpoint.create(app.id, { url: receiver.url });
    await stack.svix.endpoint.transformation.patch(app.id, ep.id, {
      code: "function handler(w) { if (w.payload.skip) w.cancel = true; return w; }",
      enabled: true,
    });
    const skipped = await stack.svix.message.create(app.id, { eventType: "x.y", payload: { skip: true } });
    const sent = await stack.svix.message.create(app.id, { eventType: "x.y", payload: { skip: false } });
    await receiver.waitFor(1);
    const canceled = await waitUntil(async () => {
      const d = await db.delivery.findFirstOrThrow({ where: { messageId: skipped.id } });
      return d.status === "canceled" ? d : null;
    });
    expect(canceled.attemptCount).toBe(0);
    expect(receiver.requests.map((r) => r.headers["webhook-id"])).toEqual([sent.id]);
    const [dest] = (await stack.svix.messageAttempt.listAttemptedDestinations(app.id, skipped.id)).data;
    expect(dest).toMatchObject({ status: 4, statusText: "canceled" });

    await stack.svix.endpoint.transformation.patch(app.id, ep.id, {
      code: "function handler(w) { while (true) {} }",
    });
    const looped = await stack.svix.message.create(app.id, { eventType: "x.y", payload: {} });
    const attempt = await waitUntil(() => db.messageAttempt.findFirst({ where: { messageId: looped.id } }));
    expect(attempt).toMatchObject({ outcome: "failure", errorKind: "transformation" });
    expect(attempt.errorMessage).toMatch(/100 ms/);
    expect((await db.delivery.findFirstOrThrow({ where: { messageId: looped.id } })).status).toBe("failed");
    expect(receiver.requests).toHaveLength(1);
    await receiver.close();
  });

  it("a looping script holds only its own delivery: others go out meanwhile", async () => {
    const app = await stack.svix.application.create({ name: "Fair" });
    const slow = await startReceiver();
    const fast = await startReceiver();
    const looping = await stack.svix.endpoint.create(app.id, { url: slow.url });
    await stack.svix.endpoint.create(app.id, { url: fast.url });
    await stack.svix.endpoint.transformation.patch(app.id, looping.id, {
      code: "function handler(w) { for (;;) {} }",
      enabled: true,
    });
    for (let i = 0; i < 5; i++) await stack.svix.message.create(app.id, { eventType: "x.y", payload: { i } });
    await fast.waitFor(5);
    expect(slow.requests).toHaveLength(0);
    await slow.close();
    await fast.close();
  });
});
