import { Svix } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { widgetFrameHeaders } from "@/lib/widget/frame-headers";
import { hashPortalToken } from "@/lib/widget/portal-token";
import { widgetAccess } from "@/lib/widget/widget-access";
import { startApiServer } from "../support/api-server";
import { freshDatabase } from "../support/database";
import { createTestTenant } from "../support/fixtures";

let server: Awaited<ReturnType<typeof startApiServer>>;
let svix: Svix;
let other: Svix;
let tenantId: string;
let apiKey: string;

beforeAll(async () => {
  await freshDatabase();
  server = await startApiServer();
  const tenant = await createTestTenant("portal");
  ({ tenantId, apiKey } = tenant);
  svix = new Svix(apiKey, { serverUrl: server.url });
  other = new Svix((await createTestTenant("other")).apiKey, { serverUrl: server.url });
});
afterAll(() => server.close());

const post = (path: string, body: unknown) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("widget links (app-portal access) through the svix SDK", () => {
  it("returns a url carrying a token that grants one application for 7 days (Svix's default), stored only as a hash", async () => {
    const app = await svix.application.create({ name: "Portal A", uid: "portal-a" });
    const before = Date.now();
    const access = await svix.authentication.appPortalAccess("portal-a", {});
    expect(access.token).toMatch(/^hlp_[\w-]{40,}$/);
    expect(new URL(access.url).pathname).toBe(`/embed/${access.token}`);
    const row = await db.appPortalToken.findUniqueOrThrow({
      where: { tokenHash: hashPortalToken(access.token) },
    });
    expect(row.applicationId).toBe(app.id);
    expect(row.expiresAt.getTime() - before).toBeGreaterThanOrEqual(7 * 86_400_000 - 1000);
    expect(row.expiresAt.getTime() - before).toBeLessThanOrEqual(7 * 86_400_000 + 5000);
    expect(JSON.stringify(await db.appPortalToken.findMany())).not.toContain(access.token);

    const granted = await widgetAccess(access.token);
    expect(granted).toMatchObject({ tenantId, appId: app.id, appName: "Portal A" });
    expect(granted!.can("ManageEndpoint")).toBe(true);
  });

  it("grants only ViewBase to a read-only token, and the capabilities asked for otherwise", async () => {
    await svix.application.create({ name: "Portal B", uid: "portal-b" });
    const readOnly = await svix.authentication.appPortalAccess("portal-b", { readOnly: true });
    const ro = (await widgetAccess(readOnly.token))!;
    expect(
      ["ViewBase", "ViewEndpointSecret", "ManageEndpoint", "CreateAttempts"].map((c) => ro.can(c as never)),
    ).toEqual([true, false, false, false]);
    const secretOnly = await post("/api/v1/auth/app-portal-access/portal-b", {
      capabilities: ["ViewEndpointSecret"],
    });
    const so = (await widgetAccess((await secretOnly.json()).token))!;
    expect([so.can("ViewEndpointSecret"), so.can("ManageEndpointSecret"), so.can("ManageEndpoint")]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it("refuses an expiry over 7 days or under an hour (422) and an unknown or foreign application (404)", async () => {
    await svix.application.create({ name: "Portal C", uid: "portal-c" });
    const long = await post("/api/v1/auth/app-portal-access/portal-c", { expiry: 8 * 86_400 });
    expect(long.status).toBe(422);
    expect((await long.json()).detail[0].loc).toEqual(["body", "expiry"]);
    expect((await post("/api/v1/auth/app-portal-access/portal-c", { expiry: 3599 })).status).toBe(422);
    expect((await post("/api/v1/auth/app-portal-access/portal-c", { expiry: 3600 })).status).toBe(200);
    expect((await post("/api/v1/auth/app-portal-access/nope", {})).status).toBe(404);
    await expect(other.authentication.appPortalAccess("portal-c", {})).rejects.toMatchObject({ code: 404 });
  });

  it("logs out an app-portal token with the token itself (Svix's auth/logout); never an API key", async () => {
    await svix.application.create({ name: "Portal L", uid: "portal-l" });
    const { token } = await svix.authentication.appPortalAccess("portal-l", {});
    expect(await widgetAccess(token)).not.toBeNull();
    await new Svix(token, { serverUrl: server.url }).authentication.logout();
    expect(await widgetAccess(token)).toBeNull();
    // Once is enough: the token no longer works, for logout either.
    await expect(new Svix(token, { serverUrl: server.url }).authentication.logout()).rejects.toMatchObject({
      code: 401,
    });
    await expect(svix.authentication.logout()).rejects.toMatchObject({ code: 403 });
    expect((await fetch(`${server.url}/api/v1/auth/logout`, { method: "POST" })).status).toBe(401);
  });

  it("checks featureFlags and sessionId with Svix's patterns", async () => {
    await svix.application.create({ name: "Portal E", uid: "portal-e" });
    expect(
      (await post("/api/v1/auth/app-portal-access/portal-e", { featureFlags: ["has space"] })).status,
    ).toBe(422);
    expect(
      (await post("/api/v1/auth/app-portal-access/portal-e", { sessionId: "x".repeat(65) })).status,
    ).toBe(422);
    expect((await post("/api/v1/auth/app-portal-access/portal-e", { sessionId: "user@1_a-b" })).status).toBe(
      200,
    );
  });

  it("creates the application from `application` when the uid is unknown, as Svix does", async () => {
    const access = await svix.authentication.appPortalAccess("made-here", {
      application: { name: "Made here" },
    });
    const app = await svix.application.get("made-here");
    expect(app.name).toBe("Made here");
    expect((await widgetAccess(access.token))!.appId).toBe(app.id);
  });

  it("expire-all revokes every link of the application (of the given sessions only, when asked)", async () => {
    const app = await svix.application.create({ name: "Portal D", uid: "portal-d" });
    const s1 = await svix.authentication.appPortalAccess(app.id, { sessionId: "s1" });
    const s2 = await svix.authentication.appPortalAccess(app.id, { sessionId: "s2" });
    const elsewhere = await svix.authentication.appPortalAccess("portal-a", {});
    await svix.authentication.expireAll(app.id, { sessionIds: ["s1"] });
    expect(await widgetAccess(s1.token)).toBeNull();
    expect(await widgetAccess(s2.token)).not.toBeNull();
    await svix.authentication.expireAll(app.id, {});
    expect(await widgetAccess(s2.token)).toBeNull();
    expect(await widgetAccess(elsewhere.token)).not.toBeNull();
    await expect(other.authentication.expireAll(app.id, {})).rejects.toMatchObject({ code: 404 });
  });

  it("lets only the tenant's listed origins frame the widget, and keeps the token out of referrers", async () => {
    await db.tenant.update({
      where: { id: tenantId },
      data: { widgetAllowedOrigins: ["https://app.example.com"] },
    });
    const { token } = await svix.authentication.appPortalAccess("portal-a", {});
    const headers = await widgetFrameHeaders(`/embed/${token}/messages`);
    expect(headers).toMatchObject({
      "Content-Security-Policy": "frame-ancestors 'self' https://app.example.com",
      "Referrer-Policy": "no-referrer",
      "X-Robots-Tag": "noindex, nofollow",
    });
    expect((await widgetFrameHeaders(`/embed/hlp_${"x".repeat(43)}`))!["Content-Security-Policy"]).toBe(
      "frame-ancestors 'self'",
    );
    expect(await widgetFrameHeaders("/dashboard")).toBeNull();
  });
});
