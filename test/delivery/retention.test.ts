import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { retentionSweep } from "@/lib/messages/retention-sweep";
import { startDeliveryStack } from "../support/delivery-stack";
import { startReceiver, waitUntil } from "../support/receiver";

let stack: Awaited<ReturnType<typeof startDeliveryStack>>;
beforeAll(async () => {
  stack = await startDeliveryStack();
  await stack.svix.eventType.create({ name: "doc.saved", description: "" });
});
afterAll(() => stack.close());

const DAY = 86_400_000;

describe("retention", () => {
  it("expunges exactly the payloads and response bodies older than the tenant's period, keeping the metadata", async () => {
    const receiver = await startReceiver(() => ({ status: 200, body: "thanks" }));
    const app = await stack.svix.application.create({ name: "Retention" });
    const ep = await stack.svix.endpoint.create(app.id, { url: receiver.url });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++)
      ids.push((await stack.svix.message.create(app.id, { eventType: "doc.saved", payload: { i } })).id);
    await waitUntil(async () => (await db.messageAttempt.count({ where: { endpointId: ep.id } })) === 4);

    // Two messages (and their attempts) are 31 and 40 days old; one is 29 days old; one is new.
    const ages = [40, 31, 29, 0];
    for (const [i, id] of ids.entries()) {
      const at = new Date(Date.now() - ages[i]! * DAY);
      await db.message.update({ where: { id }, data: { createdAt: at } });
      await db.messageAttempt.updateMany({ where: { messageId: id }, data: { createdAt: at } });
    }
    const other = await db.tenant.create({
      data: { id: "org_retention_other", name: "Long memory", retentionDays: 90 },
    });
    const foreignApp = await db.application.create({
      data: { id: "app_retention_other", tenantId: other.id, name: "x" },
    });
    await db.message.create({
      data: {
        id: "msg_retention_other",
        tenantId: other.id,
        applicationId: foreignApp.id,
        eventType: "x",
        payload: { keep: true },
        createdAt: new Date(Date.now() - 40 * DAY),
      },
    });

    const result = await retentionSweep(new Date());
    expect(result).toEqual({ messages: 2, attempts: 2 });

    const rows = await db.message.findMany({ where: { id: { in: ids } }, orderBy: { createdAt: "asc" } });
    expect(rows.map((m) => m.payload)).toEqual([null, null, { i: 2 }, { i: 3 }]);
    const attempts = await db.messageAttempt.findMany({
      where: { endpointId: ep.id },
      orderBy: { createdAt: "asc" },
    });
    expect(attempts.map((a) => a.response)).toEqual([null, null, "thanks", "thanks"]);
    expect((await db.message.findUniqueOrThrow({ where: { id: "msg_retention_other" } })).payload).toEqual({
      keep: true,
    });
    expect((await stack.svix.endpoint.getStats(app.id, ep.id)).success).toBe(4);

    const expunged = await fetch(`${stack.api.url}/api/v1/app/${app.id}/msg/${ids[0]}`, {
      headers: { authorization: `Bearer ${stack.tenant.apiKey}` },
    });
    expect(await expunged.json()).toMatchObject({ id: ids[0], payload: {}, expunged: true });
    expect(await retentionSweep(new Date())).toEqual({ messages: 0, attempts: 0 });
    await receiver.close();
  });

  it("expunges one message's content on request", async () => {
    const app = await stack.svix.application.create({ name: "Expunge one" });
    const msg = await stack.svix.message.create(app.id, {
      eventType: "doc.saved",
      payload: { secret: "s3" },
    });
    await stack.svix.message.expungeContent(app.id, msg.id);
    const row = await db.message.findUniqueOrThrow({ where: { id: msg.id } });
    expect(row.payload).toBeNull();
    expect(row.expungedAt).not.toBeNull();
  });
});
