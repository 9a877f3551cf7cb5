import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { openHeaders, sealStoredHeaders } from "@/lib/endpoints/header-box";
import { startDeliveryStack } from "../support/delivery-stack";
import { startReceiver, waitUntil } from "../support/receiver";

let stack: Awaited<ReturnType<typeof startDeliveryStack>>;

beforeAll(async () => {
  stack = await startDeliveryStack();
});
afterAll(() => stack.close());

const stored = async (id: string) =>
  (
    await db.$queryRaw<
      { headers: string }[]
    >`SELECT headers::text AS headers FROM "Endpoint" WHERE id = ${id}`
  )[0]!.headers;

describe("custom header values are encrypted at rest", () => {
  it("stores no value in the clear, reads them back through the API, and sends them", async () => {
    const app = await stack.svix.application.create({ name: "Sealed headers" });
    const receiver = await startReceiver();
    const ep = await stack.svix.endpoint.create(app.id, {
      url: receiver.url,
      headers: { "X-Api-Key": "receiver-credential-123", "X-Team": "billing" },
    });
    const column = await stored(ep.id);
    expect(column).not.toContain("receiver-credential-123");
    expect(column).not.toContain("billing");
    expect(column).not.toContain("X-Team");
    expect(column).toMatch(/^"v1\./);

    await stack.svix.endpoint.patchHeaders(app.id, ep.id, { headers: { "X-Env": "prod" } });
    expect(await stored(ep.id)).not.toContain("prod");
    expect(await stack.svix.endpoint.getHeaders(app.id, ep.id)).toMatchObject({
      headers: { "X-Team": "billing", "X-Env": "prod" },
      sensitive: ["X-Api-Key"],
    });

    await stack.svix.message.create(app.id, { eventType: "x.y", payload: { n: 1 } });
    await receiver.waitFor(1);
    expect(receiver.requests[0]!.headers).toMatchObject({
      "x-api-key": "receiver-credential-123",
      "x-team": "billing",
      "x-env": "prod",
    });
    await receiver.close();
  });

  it("an endpoint without headers keeps {} (nothing to decrypt per attempt)", async () => {
    const app = await stack.svix.application.create({ name: "No headers" });
    const ep = await stack.svix.endpoint.create(app.id, { url: "https://example.com/hook" });
    expect(await stored(ep.id)).toBe("{}");
    await stack.svix.endpoint.setHeaders(app.id, ep.id, { headers: {} });
    expect(await stored(ep.id)).toBe("{}");
  });

  it("seals maps stored in the clear before this change, once, keeping their values", async () => {
    const app = await stack.svix.application.create({ name: "Legacy headers" });
    const receiver = await startReceiver();
    const ep = await stack.svix.endpoint.create(app.id, { url: receiver.url });
    // As a row written before encryption at rest looks.
    await db.endpoint.update({ where: { id: ep.id }, data: { headers: { Authorization: "Basic old" } } });
    // Read as it is until sealed: deliveries keep working.
    await stack.svix.message.create(app.id, { eventType: "x.y", payload: { n: 1 } });
    await receiver.waitFor(1);
    expect(receiver.requests[0]!.headers.authorization).toBe("Basic old");

    expect(await sealStoredHeaders()).toBeGreaterThanOrEqual(1);
    const column = await stored(ep.id);
    expect(column).not.toContain("Basic old");
    expect(openHeaders(JSON.parse(column))).toEqual({ Authorization: "Basic old" });
    expect(await sealStoredHeaders()).toBe(0);

    await stack.svix.message.create(app.id, { eventType: "x.y", payload: { n: 2 } });
    await receiver.waitFor(2);
    expect(receiver.requests[1]!.headers.authorization).toBe("Basic old");
    await receiver.close();
  });

  it("headers sealed under another key are a recorded, permanent failure, not a crash", async () => {
    const app = await stack.svix.application.create({ name: "Wrong key" });
    const receiver = await startReceiver();
    const ep = await stack.svix.endpoint.create(app.id, { url: receiver.url });
    const foreign = "v1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AAAA";
    await db.$executeRaw`UPDATE "Endpoint" SET headers = to_jsonb(${foreign}::text) WHERE id = ${ep.id}`;
    const msg = await stack.svix.message.create(app.id, { eventType: "x.y", payload: { n: 1 } });
    await waitUntil(async () => (await db.messageAttempt.count({ where: { messageId: msg.id } })) === 1);
    const attempt = await db.messageAttempt.findFirstOrThrow({ where: { messageId: msg.id } });
    expect(attempt).toMatchObject({ errorKind: "secret_unreadable" });
    expect(receiver.requests).toHaveLength(0);
    await receiver.close();
  });
});
