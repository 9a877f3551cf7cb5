import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApplication } from "@/lib/applications/create-application";
import { db } from "@/lib/db";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { newId } from "@/lib/ids";
import { LOG_PAGE_SIZE, messageLog } from "@/lib/messages/message-log";
import { freshDatabase } from "../support/database";
import { createTestTenant } from "../support/fixtures";

let tenantId: string;
let appA: string;
let appB: string;
let epA1: string;
let epA2: string;
const base = Date.now() - 3_600_000;

// 60 messages in A (every 3rd an order.shipped, the rest order.paid; the 10th failed at A1), 5 in B,
// and 5 in another tenant; message i is created at base + i seconds.
beforeAll(async () => {
  await freshDatabase();
  ({ tenantId } = await createTestTenant("log"));
  appA = (await createApplication(tenantId, { name: "A" })).app.id;
  appB = (await createApplication(tenantId, { name: "B" })).app.id;
  epA1 = (await createEndpoint(tenantId, appA, { url: "https://a1.example.com" })).id;
  epA2 = (await createEndpoint(tenantId, appA, { url: "https://a2.example.com" })).id;
  const other = await createTestTenant("other");
  const otherApp = (await createApplication(other.tenantId, { name: "Other" })).app.id;
  const rows: { tenantId: string; applicationId: string; i: number }[] = [
    ...Array.from({ length: 60 }, (_, i) => ({ tenantId, applicationId: appA, i })),
    ...Array.from({ length: 5 }, (_, i) => ({ tenantId, applicationId: appB, i })),
    ...Array.from({ length: 5 }, (_, i) => ({ tenantId: other.tenantId, applicationId: otherApp, i })),
  ];
  for (const r of rows) {
    const createdAt = new Date(base + r.i * 1000);
    const id = newId("msg", createdAt.getTime());
    await db.message.create({
      data: {
        id,
        tenantId: r.tenantId,
        applicationId: r.applicationId,
        eventType: r.i % 3 === 0 ? "order.shipped" : "order.paid",
        payload: {},
        createdAt,
      },
    });
    if (r.applicationId === appA) {
      for (const endpointId of [epA1, epA2]) {
        await db.delivery.create({
          data: {
            id: newId("dlv"),
            tenantId,
            applicationId: appA,
            messageId: id,
            endpointId,
            status: r.i === 10 && endpointId === epA1 ? "failed" : "succeeded",
          },
        });
      }
    }
  }
});
afterAll(() => db.$disconnect());

describe("the message log", () => {
  it("lists only the tenant's messages, newest first, a page at a time in both directions", async () => {
    const first = await messageLog(tenantId, {});
    expect(first.messages).toHaveLength(LOG_PAGE_SIZE);
    expect(first.newer).toBeNull();
    const second = await messageLog(tenantId, { before: first.older! });
    expect(second.messages).toHaveLength(65 - LOG_PAGE_SIZE);
    expect(second.older).toBeNull();
    const all = [...first.messages, ...second.messages];
    expect(new Set(all.map((m) => m.id)).size).toBe(65);
    expect(all.map((m) => m.createdAt.getTime())).toEqual(
      [...all.map((m) => m.createdAt.getTime())].sort((a, b) => b - a),
    );
    const back = await messageLog(tenantId, { after: second.newer! });
    expect(back.messages.map((m) => m.id)).toEqual(first.messages.map((m) => m.id));
  });

  it("filters by application, event type, endpoint, delivery status and time range", async () => {
    expect((await messageLog(tenantId, { appId: appB })).messages).toHaveLength(5);
    const shipped = await messageLog(tenantId, { appId: appA, eventType: "order.shipped" });
    expect(shipped.messages).toHaveLength(20);
    const failed = await messageLog(tenantId, { status: "failed" });
    expect(failed.messages).toHaveLength(1);
    expect(failed.messages[0]!.createdAt.getTime()).toBe(base + 10_000);
    expect((await messageLog(tenantId, { endpointId: epA2, status: "failed" })).messages).toHaveLength(0);
    const window = await messageLog(tenantId, {
      appId: appA,
      from: new Date(base + 20_000),
      to: new Date(base + 30_000),
    });
    expect(window.messages).toHaveLength(10);
    const one = window.messages[3]!;
    expect((await messageLog(tenantId, { id: one.id })).messages.map((m) => m.id)).toEqual([one.id]);
    await db.message.update({ where: { id: one.id }, data: { eventId: "order-42" } });
    expect((await messageLog(tenantId, { id: "order-42" })).messages.map((m) => m.id)).toEqual([one.id]);
  });

  it("finds nothing for another tenant's application or endpoint", async () => {
    const other = await db.application.findFirstOrThrow({ where: { name: "Other" } });
    expect((await messageLog(tenantId, { appId: other.id })).messages).toHaveLength(0);
    expect((await messageLog(other.tenantId, { endpointId: epA1 })).messages).toHaveLength(0);
  });

  it("pages through messages created in the same millisecond without skipping or repeating one", async () => {
    const app = (await createApplication(tenantId, { name: "Same instant" })).app.id;
    const at = new Date(base + 500_000);
    const ids = Array.from({ length: 5 }, () => newId("msg", at.getTime()));
    for (const id of ids)
      await db.message.create({
        data: { id, tenantId, applicationId: app, eventType: "tick", payload: {}, createdAt: at },
      });
    const seen: string[] = [];
    let page = await messageLog(tenantId, { appId: app }, 2);
    seen.push(...page.messages.map((m) => m.id));
    while (page.older) {
      const older = page.older;
      page = await messageLog(tenantId, { appId: app, before: older }, 2);
      seen.push(...page.messages.map((m) => m.id));
    }
    expect(seen).toEqual([...ids].sort().reverse());
    const back = await messageLog(tenantId, { appId: app, after: page.newer! }, 2);
    expect(back.messages.map((m) => m.id)).toEqual(seen.slice(2, 4));
  });
});
