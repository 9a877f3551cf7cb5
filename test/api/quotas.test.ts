import { Svix } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { startApiServer } from "../support/api-server";
import { freshDatabase } from "../support/database";
import { createTestTenant } from "../support/fixtures";

// Small limits for this file's process, so reaching them is quick.
let server: Awaited<ReturnType<typeof startApiServer>>;
let svix: Svix;
let other: Svix;

beforeAll(async () => {
  Object.assign(process.env, {
    QUOTA_APPLICATIONS: "3",
    QUOTA_ENDPOINTS_PER_APPLICATION: "2",
    QUOTA_EVENT_TYPES: "2",
  });
  resetEnvCache();
  await freshDatabase();
  server = await startApiServer();
  svix = new Svix((await createTestTenant("quota")).apiKey, { serverUrl: server.url });
  other = new Svix((await createTestTenant("quota-other")).apiKey, { serverUrl: server.url });
});
afterAll(() => server?.close());

const refused = (promise: Promise<unknown>) =>
  expect(promise).rejects.toMatchObject({
    code: 422,
    body: { code: "quota_exceeded", detail: expect.stringContaining("reached its limit") },
  });

describe("per-tenant quotas", () => {
  it("applications: the fourth is a 422 quota_exceeded; deleting one makes room; other tenants are unaffected", async () => {
    const apps = [];
    for (let i = 0; i < 3; i++) apps.push(await svix.application.create({ name: `App ${i}` }));
    await refused(svix.application.create({ name: "One too many" }));
    expect(await db.application.count({ where: { name: "One too many" } })).toBe(0);
    await other.application.create({ name: "Someone else's" });
    await svix.application.delete(apps[2]!.id);
    await expect(svix.application.create({ name: "Room again" })).resolves.toHaveProperty("id");
  });

  it("endpoints per application, and event types", async () => {
    const [app] = (await svix.application.list()).data;
    for (let i = 0; i < 2; i++)
      await svix.endpoint.create(app!.id, { url: `https://hooks.example.com/${i}` });
    await refused(svix.endpoint.create(app!.id, { url: "https://hooks.example.com/too-many" }));
    for (const name of ["a.one", "a.two"]) await svix.eventType.create({ name, description: "" });
    await refused(svix.eventType.create({ name: "a.three", description: "" }));
  });
});
