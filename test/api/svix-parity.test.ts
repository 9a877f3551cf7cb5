import { Svix } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiServer } from "../support/api-server";
import { freshDatabase } from "../support/database";
import { createTestTenant } from "../support/fixtures";

// Differences a team migrating from Svix would otherwise meet in production.
let server: Awaited<ReturnType<typeof startApiServer>>;
let svix: Svix;

beforeAll(async () => {
  await freshDatabase();
  server = await startApiServer();
  svix = new Svix((await createTestTenant("parity")).apiKey, { serverUrl: server.url });
});
afterAll(() => server?.close());

describe("Svix's rules, not stricter ones", () => {
  it("takes endpoint secrets with or without the whsec_ prefix, and gives them back prefixed", async () => {
    const app = await svix.application.create({ name: "Secrets" });
    const bare = "C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
    const ep = await svix.endpoint.create(app.id, { url: "https://hooks.example.com/a", secret: bare });
    expect((await svix.endpoint.getSecret(app.id, ep.id)).key).toBe(`whsec_${bare}`);
    const next = "dGhpcyBpcyBhIG5ldyBzZWNyZXQgb2YgMzIgYnl0ZXM=";
    await svix.endpoint.rotateSecret(app.id, ep.id, { key: next });
    expect((await svix.endpoint.getSecret(app.id, ep.id)).key).toBe(`whsec_${next}`);
    for (const secret of ["short", "whsec_not base64 at all!!!!!!!!!!!!!!!", "x".repeat(101)])
      await expect(
        svix.endpoint.create(app.id, { url: "https://hooks.example.com/b", secret }),
      ).rejects.toMatchObject({ code: 422 });
  });

  it("PATCH with throttleRate 0 removes the limit, on endpoints and applications", async () => {
    const app = await svix.application.create({ name: "Throttled", throttleRate: 5 });
    const ep = await svix.endpoint.create(app.id, { url: "https://hooks.example.com/t", throttleRate: 10 });
    expect((await svix.endpoint.patch(app.id, ep.id, { throttleRate: 0 })).throttleRate ?? null).toBeNull();
    expect((await svix.application.patch(app.id, { throttleRate: 0 })).throttleRate ?? null).toBeNull();
    // Creating with 0 stays refused, as Svix does (minimum 1).
    await expect(
      svix.endpoint.create(app.id, { url: "https://hooks.example.com/z", throttleRate: 0 }),
    ).rejects.toMatchObject({ code: 422 });
  });

  it("operational-webhook PUT creates the endpoint when its uid is unknown, then updates it", async () => {
    const created = await svix.operationalWebhook.endpoint.upsert("ops-hook", {
      url: "https://ops.example.com/a",
    });
    expect(created).toMatchObject({ uid: "ops-hook", url: "https://ops.example.com/a" });
    const updated = await svix.operationalWebhook.endpoint.upsert("ops-hook", {
      url: "https://ops.example.com/b",
    });
    expect(updated.id).toBe(created.id);
    expect((await svix.operationalWebhook.endpoint.get("ops-hook")).url).toBe("https://ops.example.com/b");
    expect((await svix.operationalWebhook.endpoint.list()).data).toHaveLength(1);
  });
});
