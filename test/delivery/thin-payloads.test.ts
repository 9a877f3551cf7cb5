import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFetchToken } from "@/lib/messages/fetch-token";
import { startDeliveryStack } from "../support/delivery-stack";
import { startReceiver } from "../support/receiver";

let stack: Awaited<ReturnType<typeof startDeliveryStack>>;
beforeAll(async () => {
  stack = await startDeliveryStack();
});
afterAll(() => stack.close());

async function api(method: string, path: string, body?: unknown) {
  const res = await fetch(stack.api.url + path, {
    method,
    headers: { authorization: `Bearer ${stack.tenant.apiKey}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.json();
}

describe("thin payloads", () => {
  it("delivers a signed reference instead of the content, and the fetch token re-fetches it", async () => {
    // thinPayload is a Hookline extension, so it is set over plain HTTP (the svix SDK drops unknown fields).
    const created = await api("POST", "/api/v1/event-type", {
      name: "record.changed",
      description: "",
      thinPayload: true,
    });
    expect(created).toMatchObject({ name: "record.changed", thinPayload: true });
    const receiver = await startReceiver();
    const app = await stack.svix.application.create({ name: "Thin" });
    const ep = await stack.svix.endpoint.create(app.id, { url: receiver.url });
    const secret = (await stack.svix.endpoint.getSecret(app.id, ep.id)).key;
    const msg = await stack.svix.message.create(app.id, {
      eventType: "record.changed",
      payload: { ssn: "123-45-6789", name: "Ada" },
    });
    await receiver.waitFor(1);
    const req = receiver.requests[0]!;
    expect(req.body).not.toContain("123-45-6789");
    const thin = new Webhook(secret.slice(6)).verify(req.body, {
      "webhook-id": String(req.headers["webhook-id"]),
      "webhook-timestamp": String(req.headers["webhook-timestamp"]),
      "webhook-signature": String(req.headers["webhook-signature"]),
    }) as { id: string; type: string; timestamp: string; fetchUrl: string; fetchToken: string };
    expect(thin).toMatchObject({ id: msg.id, type: "record.changed" });
    expect(thin.fetchUrl).toMatch(new RegExp(`/api/v1/app/${app.id}/msg/${msg.id}$`));

    // The receiver has no API key: the token alone reads this one message.
    const fetchUrl = thin.fetchUrl.replace(/^https?:\/\/[^/]+/, stack.api.url);
    const full = await fetch(fetchUrl, { headers: { authorization: `Bearer ${thin.fetchToken}` } });
    expect(full.status).toBe(200);
    expect((await full.json()).payload).toEqual({ ssn: "123-45-6789", name: "Ada" });
    const viaQuery = await fetch(`${fetchUrl}?token=${encodeURIComponent(thin.fetchToken)}`);
    expect(viaQuery.status).toBe(200);

    const other = await stack.svix.message.create(app.id, {
      eventType: "record.changed",
      payload: { other: true },
    });
    const wrongMessage = await fetch(fetchUrl.replace(msg.id, other.id), {
      headers: { authorization: `Bearer ${thin.fetchToken}` },
    });
    expect(wrongMessage.status).toBe(401);
    const expired = createFetchToken(
      stack.tenant.tenantId,
      app.id,
      msg.id,
      new Date(Date.now() - 2 * 3600_000),
    );
    expect((await fetch(fetchUrl, { headers: { authorization: `Bearer ${expired}` } })).status).toBe(401);
    const forged = `${thin.fetchToken.slice(0, -4)}AAAA`;
    expect((await fetch(fetchUrl, { headers: { authorization: `Bearer ${forged}` } })).status).toBe(401);
    await receiver.close();
  });

  it("keeps full payloads for event types that do not ask for thin ones", async () => {
    await stack.svix.eventType.create({ name: "record.created", description: "" });
    expect(await api("GET", "/api/v1/event-type/record.created")).toMatchObject({ thinPayload: false });
    const receiver = await startReceiver();
    const app = await stack.svix.application.create({ name: "Full" });
    await stack.svix.endpoint.create(app.id, { url: receiver.url });
    await stack.svix.message.create(app.id, { eventType: "record.created", payload: { full: true } });
    await receiver.waitFor(1);
    expect(JSON.parse(receiver.requests[0]!.body)).toEqual({ full: true });
    await receiver.close();
  });
});
