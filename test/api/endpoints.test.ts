import { Svix } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiServer } from "../support/api-server";
import { freshDatabase } from "../support/database";
import { createTestTenant } from "../support/fixtures";

let server: Awaited<ReturnType<typeof startApiServer>>;
let svix: Svix;
let other: Svix;
let appId: string;

beforeAll(async () => {
  await freshDatabase();
  server = await startApiServer();
  svix = new Svix((await createTestTenant("ep")).apiKey, { serverUrl: server.url });
  other = new Svix((await createTestTenant("ep-other")).apiKey, { serverUrl: server.url });
  appId = (await svix.application.create({ name: "Customer", uid: "customer" })).id;
  await svix.eventType.create({ name: "invoice.paid", description: "" });
  await svix.eventType.create({ name: "invoice.voided", description: "" });
});
afterAll(() => server.close());

describe("endpoints through the svix SDK", () => {
  it("creates, gets by id and uid, updates, patches and deletes", async () => {
    const ep = await svix.endpoint.create("customer", {
      url: "https://example.com/hooks",
      uid: "main",
      description: "Main",
      eventTypes: ["invoice.paid"],
      channels: ["eu"],
      metadata: { team: "billing" },
    });
    expect(ep.id).toMatch(/^ep_/);
    expect(ep).toMatchObject({
      url: "https://example.com/hooks",
      eventTypes: ["invoice.paid"],
      channels: ["eu"],
      disabled: false,
    });
    expect((await svix.endpoint.get(appId, "main")).id).toBe(ep.id);

    const replaced = await svix.endpoint.upsert(appId, ep.id, { url: "https://example.com/v2" });
    expect(replaced).toMatchObject({
      url: "https://example.com/v2",
      eventTypes: null,
      channels: null,
      description: "",
    });
    const patched = await svix.endpoint.patch(appId, "main", {
      disabled: true,
      eventTypes: ["invoice.voided"],
    });
    expect(patched).toMatchObject({
      disabled: true,
      eventTypes: ["invoice.voided"],
      url: "https://example.com/v2",
    });

    await svix.endpoint.delete(appId, ep.id);
    await expect(svix.endpoint.get(appId, ep.id)).rejects.toMatchObject({ code: 404 });
  });

  it("lists endpoints with pagination", async () => {
    const app = await svix.application.create({ name: "Many" });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await svix.endpoint.create(app.id, { url: `https://example.com/${i}` })).id);
    const first = await svix.endpoint.list(app.id, { limit: 2, order: "ascending" as never });
    const second = await svix.endpoint.list(app.id, {
      limit: 2,
      order: "ascending" as never,
      iterator: first.iterator,
    });
    const third = await svix.endpoint.list(app.id, {
      limit: 2,
      order: "ascending" as never,
      iterator: second.iterator,
    });
    expect([...first.data, ...second.data, ...third.data].map((e) => e.id)).toEqual(ids);
    expect(third.done).toBe(true);
    expect(first.done).toBe(false);
  });

  it("reads and rotates the signing secret, keeping a given one", async () => {
    const given = `whsec_${Buffer.alloc(32, 7).toString("base64")}`;
    const ep = await svix.endpoint.create(appId, { url: "https://example.com/s", secret: given });
    expect((await svix.endpoint.getSecret(appId, ep.id)).key).toBe(given);
    await svix.endpoint.rotateSecret(appId, ep.id, {});
    const rotated = (await svix.endpoint.getSecret(appId, ep.id)).key;
    expect(rotated).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
    expect(rotated).not.toBe(given);
    const chosen = `whsec_${Buffer.alloc(24, 9).toString("base64")}`;
    await svix.endpoint.rotateSecret(appId, ep.id, { key: chosen });
    expect((await svix.endpoint.getSecret(appId, ep.id)).key).toBe(chosen);
  });

  it("keeps the old secret valid for 24 hours after a rotation", async () => {
    const { validSecrets } = await import("@/lib/endpoints/endpoint-secrets");
    const ep = await svix.endpoint.create(appId, { url: "https://example.com/r" });
    const before = (await svix.endpoint.getSecret(appId, ep.id)).key;
    await svix.endpoint.rotateSecret(appId, ep.id, {});
    const after = (await svix.endpoint.getSecret(appId, ep.id)).key;
    expect(await validSecrets(ep.id)).toEqual([after, before]);
    const dayLater = new Date(Date.now() + 24 * 3600 * 1000 + 1000);
    expect(await validSecrets(ep.id, dayLater)).toEqual([after]);
  });

  it("sets, patches and reads custom headers, hiding sensitive values", async () => {
    const ep = await svix.endpoint.create(appId, { url: "https://example.com/h" });
    await svix.endpoint.setHeaders(appId, ep.id, {
      headers: { "X-Team": "billing", Authorization: "Bearer s3cret" },
    });
    expect(await svix.endpoint.getHeaders(appId, ep.id)).toEqual({
      headers: { "X-Team": "billing" },
      sensitive: ["Authorization"],
    });
    await svix.endpoint.patchHeaders(appId, ep.id, {
      headers: { "X-Env": "prod" },
      deleteHeaders: ["x-team"],
    });
    expect(await svix.endpoint.getHeaders(appId, ep.id)).toEqual({
      headers: { "X-Env": "prod" },
      sensitive: ["Authorization"],
    });
    const reserved = await svix.endpoint
      .setHeaders(appId, ep.id, { headers: { "webhook-id": "x" } })
      .catch((e) => e);
    expect(reserved.code).toBe(422);
  });

  it("rejects an unknown event type in the filter and a bad URL with 422", async () => {
    const unknown = await svix.endpoint
      .create(appId, { url: "https://example.com", eventTypes: ["nope"] })
      .catch((e) => e);
    expect(unknown.code).toBe(422);
    expect(unknown.body.detail[0].msg).toContain("nope");
    const badUrl = await svix.endpoint.create(appId, { url: "ftp://example.com" }).catch((e) => e);
    expect(badUrl.code).toBe(422);
  });

  it("hides endpoints from other tenants, even with the right ids", async () => {
    const ep = await svix.endpoint.create(appId, { url: "https://example.com/private" });
    await expect(other.endpoint.get(appId, ep.id)).rejects.toMatchObject({ code: 404 });
    await expect(other.endpoint.getSecret(appId, ep.id)).rejects.toMatchObject({ code: 404 });
    await expect(other.endpoint.list(appId)).rejects.toMatchObject({ code: 404 });
  });
});
