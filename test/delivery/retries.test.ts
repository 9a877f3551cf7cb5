import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { freePort } from "@/lib/db/embedded";
import { startDeliveryStack } from "../support/delivery-stack";
import { startReceiver, waitUntil } from "../support/receiver";

let stack: Awaited<ReturnType<typeof startDeliveryStack>>;

beforeAll(async () => {
  stack = await startDeliveryStack({ ENDPOINT_DISABLE_AFTER: "1h" });
  await stack.svix.eventType.create({ name: "order.shipped", description: "" });
});
afterAll(() => stack.close());

async function appWithEndpoint(url: string, extra: Record<string, unknown> = {}) {
  const app = await stack.svix.application.create({ name: "Retry" });
  const ep = await stack.svix.endpoint.create(app.id, { url, ...extra });
  return { app, ep };
}

const send = (appId: string, payload: Record<string, unknown> = { ok: true }) =>
  stack.svix.message.create(appId, { eventType: "order.shipped", payload });

async function deliveryOf(messageId: string) {
  return db.delivery.findFirstOrThrow({ where: { messageId } });
}

describe("retries", () => {
  it("retries a 500 with the same webhook-id until it succeeds", async () => {
    const receiver = await startReceiver((_r, i) => ({
      status: i < 2 ? 500 : 200,
      body: i < 2 ? "boom" : "ok",
    }));
    const { app, ep } = await appWithEndpoint(receiver.url);
    const msg = await send(app.id);
    await receiver.waitFor(3);
    expect(new Set(receiver.requests.map((r) => r.headers["webhook-id"]))).toEqual(new Set([msg.id]));
    const gaps = [
      receiver.requests[1]!.at - receiver.requests[0]!.at,
      receiver.requests[2]!.at - receiver.requests[1]!.at,
    ];
    expect(gaps[0]).toBeGreaterThanOrEqual(180);
    expect(gaps[1]).toBeGreaterThanOrEqual(380);
    const delivery = await waitUntil(async () => {
      const d = await deliveryOf(msg.id);
      return d.status === "succeeded" ? d : null;
    });
    expect(delivery.attemptCount).toBe(3);
    // The SDK asks for response bodies only with withContent (Svix's default is without).
    const attempts = await stack.svix.messageAttempt.listByMsg(app.id, msg.id, { withContent: true });
    expect(attempts.data.map((a) => a.responseStatusCode).sort()).toEqual([200, 500, 500]);
    expect(attempts.data.find((a) => a.responseStatusCode === 500)?.response).toBe("boom");
    const endpoint = await db.endpoint.findUniqueOrThrow({ where: { id: ep.id } });
    expect(endpoint).toMatchObject({ failingSince: null, consecutiveFailures: 0 });
    await receiver.close();
  });

  it("retries a timeout and a refused connection, and fails after the schedule into the dead-letter queue", async () => {
    const receiver = await startReceiver(() => "hang");
    const { app, ep } = await appWithEndpoint(receiver.url, {});
    await db.endpoint.update({ where: { id: ep.id }, data: { timeoutMs: 300 } });
    const timedOut = await send(app.id);
    const failed = await waitUntil(async () => {
      const d = await deliveryOf(timedOut.id);
      return d.status === "failed" ? d : null;
    });
    expect(failed.attemptCount).toBe(3);
    const attempts = await db.messageAttempt.findMany({ where: { messageId: timedOut.id } });
    expect(attempts.map((a) => a.errorKind)).toEqual(["timeout", "timeout", "timeout"]);
    await receiver.close();

    const closedPort = await freePort();
    const { app: app2 } = await appWithEndpoint(`http://127.0.0.1:${closedPort}/hook`);
    const refused = await send(app2.id);
    await waitUntil(async () => (await deliveryOf(refused.id)).status === "failed");
    const refusedAttempts = await db.messageAttempt.findMany({ where: { messageId: refused.id } });
    expect(refusedAttempts.map((a) => a.errorKind)).toEqual(["connection", "connection", "connection"]);
    expect(refusedAttempts[0]!.errorMessage).toContain("ECONNREFUSED");

    const dlq = await fetch(`${stack.api.url}/api/v1/app/${app2.id}/dead-letter`, {
      headers: { authorization: `Bearer ${stack.tenant.apiKey}` },
    });
    const body = await dlq.json();
    expect(body.data.map((d: { msgId: string }) => d.msgId)).toEqual([refused.id]);
  });

  it("honours Retry-After on 429 and 503, capped", async () => {
    const receiver = await startReceiver((_r, i) =>
      i === 0 ? { status: 503, headers: { "retry-after": "1" } } : { status: 200 },
    );
    const { app } = await appWithEndpoint(receiver.url);
    await send(app.id);
    await receiver.waitFor(2);
    expect(receiver.requests[1]!.at - receiver.requests[0]!.at).toBeGreaterThanOrEqual(950);
    await receiver.close();
  });

  it("disables the endpoint at once on 410 Gone and parks the message", async () => {
    const receiver = await startReceiver(() => ({ status: 410 }));
    const { app, ep } = await appWithEndpoint(receiver.url);
    const msg = await send(app.id);
    await waitUntil(async () => (await deliveryOf(msg.id)).status === "parked");
    const endpoint = await stack.svix.endpoint.get(app.id, ep.id);
    expect(endpoint.disabled).toBe(true);
    expect((await db.endpoint.findUniqueOrThrow({ where: { id: ep.id } })).disabledReason).toContain("410");
    const event = await db.operationalEvent.findFirst({
      where: { type: "endpoint.disabled", payload: { path: ["endpointId"], equals: ep.id } },
    });
    expect(event).not.toBeNull();
    expect(receiver.requests).toHaveLength(1);
    await receiver.close();
  });

  it("does not follow redirects: a 3xx is a failure and the target never hears from us", async () => {
    const target = await startReceiver();
    const redirecting = await startReceiver(() => ({ status: 302, headers: { location: target.url } }));
    const { app } = await appWithEndpoint(redirecting.url);
    const msg = await send(app.id);
    await waitUntil(async () => (await deliveryOf(msg.id)).status === "failed");
    const attempts = await db.messageAttempt.findMany({ where: { messageId: msg.id } });
    expect(attempts.every((a) => a.errorKind === "redirect" && a.responseStatusCode === 302)).toBe(true);
    expect(target.requests).toHaveLength(0);
    await target.close();
    await redirecting.close();
  });

  it("keeps only the first 4 KiB of a huge or endless response", async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      const chunk = "x".repeat(64 * 1024);
      const pump = () => {
        while (res.write(chunk)) if (res.destroyed) return;
        if (!res.destroyed) res.once("drain", pump);
      };
      pump();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    const { app } = await appWithEndpoint(`http://127.0.0.1:${port}/endless`);
    const msg = await send(app.id);
    await waitUntil(async () => (await deliveryOf(msg.id)).status === "succeeded");
    const [attempt] = await db.messageAttempt.findMany({ where: { messageId: msg.id } });
    expect(attempt!.response!.length).toBe(4096);
    server.closeAllConnections();
    server.close();
  });
});
