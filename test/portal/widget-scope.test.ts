import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApplication } from "@/lib/applications/create-application";
import { db } from "@/lib/db";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { openHeaders } from "@/lib/endpoints/header-box";
import { saveEndpointForm } from "@/lib/endpoints/save-endpoint-form";
import { createEventType } from "@/lib/event-types/save-event-type";
import { sendTestEvent } from "@/lib/messages/send-test-event";
import { freshDatabase } from "../support/database";
import { createTestTenant } from "../support/fixtures";

// What the widget's actions call, with a widget token's feature flags: the scope holds for
// requests made by hand or replayed, not only for what the pickers show.
let tenantId: string;
let appId: string;
let otherAppId: string;

beforeAll(async () => {
  await freshDatabase();
  ({ tenantId } = await createTestTenant("widget-scope"));
  appId = (await createApplication(tenantId, { name: "Customer" })).app.id;
  otherAppId = (await createApplication(tenantId, { name: "Other customer" })).app.id;
  await createEventType(tenantId, { name: "order.created", description: "" });
  await createEventType(tenantId, { name: "beta.feature", description: "", featureFlags: ["beta"] });
});
afterAll(() => db.$disconnect());

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
  return data;
};

describe("the widget's endpoint form and test events", () => {
  it("saves by the endpoint resolved in the token's application, a uid included", async () => {
    const ep = await createEndpoint(tenantId, appId, {
      url: "https://hooks.example.com/a",
      uid: "main-hook",
    });
    const result = await saveEndpointForm(
      tenantId,
      appId,
      "main-hook",
      form({ url: "https://hooks.example.com/b", headers: "X-Team: blue" }),
      { featureFlags: [] },
    );
    expect(result).toEqual({ endpointId: ep.id });
    const saved = await db.endpoint.findUniqueOrThrow({ where: { id: ep.id } });
    expect(saved.url).toBe("https://hooks.example.com/b");
    expect(openHeaders(saved.headers)).toEqual({ "X-Team": "blue" });
  });

  it("cannot reach another application's endpoint", async () => {
    const theirs = await createEndpoint(tenantId, otherAppId, { url: "https://hooks.example.com/theirs" });
    const result = await saveEndpointForm(
      tenantId,
      appId,
      theirs.id,
      form({ url: "https://evil.example.com/" }),
      {
        featureFlags: [],
      },
    );
    expect(result).toMatchObject({ error: expect.stringContaining("not found") });
    expect((await db.endpoint.findUniqueOrThrow({ where: { id: theirs.id } })).url).toBe(
      "https://hooks.example.com/theirs",
    );
  });

  it("subscribes only to event types the token may see", async () => {
    const hidden = await saveEndpointForm(
      tenantId,
      appId,
      null,
      form({ url: "https://hooks.example.com/c", eventTypes: ["order.created", "beta.feature"] }),
      { featureFlags: [] },
    );
    expect(hidden).toMatchObject({ fieldErrors: { eventTypes: "Unknown event type: beta.feature" } });
    expect(await db.endpoint.count({ where: { url: "https://hooks.example.com/c" } })).toBe(0);
    const flagged = await saveEndpointForm(
      tenantId,
      appId,
      null,
      form({ url: "https://hooks.example.com/c", eventTypes: ["order.created", "beta.feature"] }),
      { featureFlags: ["beta"] },
    );
    expect(flagged).toHaveProperty("endpointId");
  });

  it("sends test events only of event types the token may see", async () => {
    const ep = await createEndpoint(tenantId, appId, { url: "https://hooks.example.com/d" });
    expect(await sendTestEvent(tenantId, appId, ep.id, { eventType: "beta.feature" }, [])).toEqual({
      error: "Unknown event type: beta.feature",
    });
    expect(await sendTestEvent(tenantId, appId, ep.id, { eventType: "order.created" }, [])).toHaveProperty(
      "messageId",
    );
    expect(
      await sendTestEvent(tenantId, appId, ep.id, { eventType: "beta.feature" }, ["beta"]),
    ).toHaveProperty("messageId");
    // The portal (no token) sees every event type.
    expect(await sendTestEvent(tenantId, appId, ep.id, { eventType: "beta.feature" })).toHaveProperty(
      "messageId",
    );
  });

  it("sends the payload as the user edited it, and says what is wrong with one that is not a JSON object", async () => {
    const ep = await createEndpoint(tenantId, appId, { url: "https://hooks.example.com/e" });
    const sent = await sendTestEvent(tenantId, appId, ep.id, {
      eventType: "order.created",
      payload: '{"id": "ord_edited", "total": 42}',
    });
    const message = await db.message.findUniqueOrThrow({ where: { id: sent.messageId! } });
    expect(message.payload).toEqual({ id: "ord_edited", total: 42 });
    expect(message.eventType).toBe("order.created");
    const before = await db.message.count({ where: { tenantId } });
    await expect(
      sendTestEvent(tenantId, appId, ep.id, { eventType: "order.created", payload: "{oops" }),
    ).resolves.toEqual({ error: expect.stringMatching(/^The payload is not valid JSON: /) });
    await expect(
      sendTestEvent(tenantId, appId, ep.id, { eventType: "order.created", payload: "[1, 2]" }),
    ).resolves.toEqual({ error: "The payload must be a JSON object ({ … })." });
    expect(await db.message.count({ where: { tenantId } })).toBe(before);
  });
});
