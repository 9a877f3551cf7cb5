import { Svix } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startApiServer } from "../support/api-server";
import { freshDatabase } from "../support/database";
import { createTestTenant } from "../support/fixtures";

let server: Awaited<ReturnType<typeof startApiServer>>;
let svix: Svix;
let other: Svix;
let apiKey: string;

beforeAll(async () => {
  await freshDatabase();
  server = await startApiServer();
  ({ apiKey } = await createTestTenant("integ"));
  svix = new Svix(apiKey, { serverUrl: server.url });
  other = new Svix((await createTestTenant("integ-other")).apiKey, { serverUrl: server.url });
});
afterAll(() => server?.close());

describe("integrations through the svix SDK", () => {
  it("creates, lists, gets, updates, rotates and deletes; the key is stored only as a hash", async () => {
    const app = await svix.application.create({ name: "Partner's customer" });
    const created = await svix.integration.create(app.id, { name: "Zapier", featureFlags: ["beta"] });
    expect(created).toMatchObject({ name: "Zapier", featureFlags: ["beta"] });
    expect(created.id).toMatch(/^integ_/);
    // The SDK's IntegrationOut has no key (Svix shows it in its dashboard); ours carries it on the
    // create answer, once, for raw HTTP callers. With the SDK, rotateKey gives one.
    const raw = await fetch(`${server.url}/api/v1/app/${app.id}/integration`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "Raw" }),
    });
    expect(raw.status).toBe(201);
    const { key } = (await raw.json()) as { key: string };
    await svix.integration.delete(
      app.id,
      (await svix.integration.list(app.id)).data.find((i) => i.name === "Raw")!.id,
    );
    expect(key).toMatch(/^integsk_[\w-]{32}$/);
    expect(JSON.stringify(await db.integration.findMany())).not.toContain(key);

    expect((await svix.integration.list(app.id)).data.map((i) => i.id)).toEqual([created.id]);
    expect((await svix.integration.get(app.id, created.id)).name).toBe("Zapier");
    const updated = await svix.integration.update(app.id, created.id, { name: "Zapier (EU)" });
    expect(updated).toMatchObject({ name: "Zapier (EU)", featureFlags: [] });

    const first = await svix.integration.rotateKey(app.id, created.id);
    const rotated = await svix.integration.rotateKey(app.id, created.id);
    expect(rotated.key).toMatch(/^integsk_/);
    expect(rotated.key).not.toBe(first.key);
    const old = new Svix(first.key, { serverUrl: server.url });
    await expect(old.endpoint.list(app.id)).rejects.toMatchObject({ code: 401 });
    const removed = new Svix(key, { serverUrl: server.url });
    await expect(removed.endpoint.list(app.id)).rejects.toMatchObject({ code: 401 });
    const fresh = new Svix(rotated.key, { serverUrl: server.url });
    expect((await fresh.endpoint.list(app.id)).data).toEqual([]);

    await svix.integration.delete(app.id, created.id);
    await expect(fresh.endpoint.list(app.id)).rejects.toMatchObject({ code: 401 });
    await expect(svix.integration.get(app.id, created.id)).rejects.toMatchObject({ code: 404 });
  });

  it("an integration key manages its application's endpoints, and nothing else", async () => {
    const app = await svix.application.create({ name: "Scoped", uid: "scoped" });
    const elsewhere = await svix.application.create({ name: "Elsewhere" });
    const integration = await svix.integration.create(app.id, { name: "Partner" });
    const { key } = await svix.integration.rotateKey(app.id, integration.id);
    const partner = new Svix(key, { serverUrl: server.url });

    const ep = await partner.endpoint.create("scoped", { url: "https://partner.example.com/hook" });
    expect((await partner.endpoint.get(app.id, ep.id)).url).toBe("https://partner.example.com/hook");
    await partner.endpoint.patch(app.id, ep.id, { description: "By the partner" });
    expect((await partner.endpoint.getSecret(app.id, ep.id)).key).toMatch(/^whsec_/);

    const forbidden = { code: 403, body: { code: "forbidden" } };
    await expect(partner.endpoint.list(elsewhere.id)).rejects.toMatchObject(forbidden);
    await expect(partner.application.list()).rejects.toMatchObject(forbidden);
    await expect(partner.application.get(app.id)).rejects.toMatchObject(forbidden);
    await expect(partner.message.create(app.id, { eventType: "x.y", payload: {} })).rejects.toMatchObject(
      forbidden,
    );
    await expect(partner.integration.list(app.id)).rejects.toMatchObject(forbidden);
    await expect(partner.eventType.list()).rejects.toMatchObject(forbidden);
    await expect(partner.authentication.appPortalAccess(app.id, {})).rejects.toMatchObject(forbidden);
  });

  it("another tenant sees none of it (404), and deleting the application removes its integrations", async () => {
    const app = await svix.application.create({ name: "Private" });
    const created = await svix.integration.create(app.id, { name: "Hidden" });
    await expect(other.integration.get(app.id, created.id)).rejects.toMatchObject({ code: 404 });
    await expect(other.integration.list(app.id)).rejects.toMatchObject({ code: 404 });
    await svix.application.delete(app.id);
    expect(await db.integration.count({ where: { id: created.id } })).toBe(0);
  });

  it("validates names and feature flags (422)", async () => {
    const app = await svix.application.create({ name: "Validation" });
    await expect(svix.integration.create(app.id, { name: "" })).rejects.toMatchObject({ code: 422 });
    await expect(
      svix.integration.create(app.id, { name: "x", featureFlags: ["has space"] }),
    ).rejects.toMatchObject({ code: 422 });
  });
});
