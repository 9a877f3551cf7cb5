import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApplication } from "@/lib/applications/create-application";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { purgeStaleRows } from "@/lib/maintenance/purge-stale-rows";
import { freshDatabase } from "../../support/database";
import { createTestTenant } from "../../support/fixtures";

const DAY = 86_400_000;
let tenantId: string;
let appId: string;

beforeAll(async () => {
  await freshDatabase();
  ({ tenantId } = await createTestTenant("purge"));
  await db.tenant.update({ where: { id: tenantId }, data: { retentionDays: 10 } });
  appId = (await createApplication(tenantId, { name: "Purged" })).app.id;
});
afterAll(() => db.$disconnect());

describe("the maintenance's clean-up", () => {
  it("drops widget tokens expired over 7 days ago, operational events past the tenant's retention and lapsed rate-limit counters", async () => {
    const now = new Date();
    const token = (id: string, expiresAgoMs: number) => ({
      id,
      tenantId,
      applicationId: appId,
      tokenHash: newId("apt"),
      capabilities: [],
      expiresAt: new Date(now.getTime() - expiresAgoMs),
    });
    await db.appPortalToken.createMany({
      data: [token("apt_old", 8 * DAY), token("apt_recent", 6 * DAY), token("apt_live", -DAY)],
    });
    const event = (id: string, ageMs: number) => ({
      id,
      tenantId,
      type: "endpoint.disabled",
      payload: {},
      createdAt: new Date(now.getTime() - ageMs),
    });
    await db.operationalEvent.createMany({
      data: [event("opev_old", 11 * DAY), event("opev_kept", 9 * DAY)],
    });

    await db.$executeRaw`
      INSERT INTO "RateLimit" (key, points, expire) VALUES
        ('lapsed', 3, ${now.getTime() - 1}), ('live', 2, ${now.getTime() + 60_000}), ('forever', 1, NULL)`;

    const signUp = (id: string, expiresInMs: number) => ({
      id,
      email: `${id}@example.test`,
      passwordHash: "x",
      tokenHash: id,
      expiresAt: new Date(now.getTime() + expiresInMs),
    });
    await db.signUpRequest.createMany({ data: [signUp("sur_old", -1000), signUp("sur_live", DAY)] });
    const inspector = (id: string, expiresInMs: number) => ({
      id,
      tenantId,
      token: id,
      expiresAt: new Date(now.getTime() + expiresInMs),
    });
    await db.inspector.createMany({ data: [inspector("insp_old", -1000), inspector("insp_live", DAY)] });
    await db.relay.create({ data: { id: "rly_1", tenantId, applicationId: appId, token: "rly-token" } });
    const exchange = (id: string, ageMs: number) => ({
      id,
      relayId: "rly_1",
      request: {},
      createdAt: new Date(now.getTime() - ageMs),
    });
    await db.relayExchange.createMany({
      data: [exchange("rlx_old", 2 * 3_600_000), exchange("rlx_live", 1000)],
    });
    await db.inspectorRequest.create({
      data: {
        id: "ireq_old",
        inspectorId: "insp_old",
        method: "POST",
        path: "/",
        query: "",
        headers: {},
        body: "",
      },
    });

    expect(await purgeStaleRows(now)).toEqual({
      widgetTokens: 1,
      operationalEvents: 1,
      rateLimits: 1,
      signUps: 1,
      inspectors: 1,
      relayExchanges: 1,
    });
    expect((await db.relayExchange.findMany({ select: { id: true } })).map((r) => r.id)).toEqual([
      "rlx_live",
    ]);
    expect((await db.inspector.findMany({ select: { id: true } })).map((r) => r.id)).toEqual(["insp_live"]);
    expect(await db.inspectorRequest.count()).toBe(0);
    expect((await db.signUpRequest.findMany({ select: { id: true } })).map((r) => r.id)).toEqual([
      "sur_live",
    ]);
    expect(
      (await db.$queryRaw<{ key: string }[]>`SELECT key FROM "RateLimit" ORDER BY key`).map((r) => r.key),
    ).toEqual(["forever", "live"]);
    expect(
      (await db.appPortalToken.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((t) => t.id),
    ).toEqual(["apt_live", "apt_recent"]);
    expect((await db.operationalEvent.findMany({ select: { id: true } })).map((e) => e.id)).toEqual([
      "opev_kept",
    ]);
    expect(await purgeStaleRows(now)).toEqual({
      widgetTokens: 0,
      operationalEvents: 0,
      rateLimits: 0,
      signUps: 0,
      inspectors: 0,
      relayExchanges: 0,
    });
  });
});
