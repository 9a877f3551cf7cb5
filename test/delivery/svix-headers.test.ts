import { Webhook as SvixWebhook } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { saveTeamSettings, teamSettings } from "@/lib/tenants/team-settings";
import { startDeliveryStack } from "../support/delivery-stack";
import { startReceiver } from "../support/receiver";

let stack: Awaited<ReturnType<typeof startDeliveryStack>>;

beforeAll(async () => {
  stack = await startDeliveryStack();
});
afterAll(() => stack.close());

describe("Svix's header names, as a team setting", () => {
  it("off by default; on, deliveries also carry svix-id/-timestamp/-signature that Svix's verifier accepts alone", async () => {
    const app = await stack.svix.application.create({ name: "Svix headers" });
    const receiver = await startReceiver();
    const ep = await stack.svix.endpoint.create(app.id, { url: receiver.url });
    const { key } = await stack.svix.endpoint.getSecret(app.id, ep.id);

    await stack.svix.message.create(app.id, { eventType: "x.y", payload: { n: 1 } });
    await receiver.waitFor(1);
    expect(receiver.requests[0]!.headers["svix-id"]).toBeUndefined();

    const settings = await teamSettings(stack.tenant.tenantId);
    await saveTeamSettings(stack.tenant.tenantId, "owner", { ...settings, svixHeaders: true });
    const msg = await stack.svix.message.create(app.id, { eventType: "x.y", payload: { n: 2 } });
    await receiver.waitFor(2);
    const h = receiver.requests[1]!.headers;
    expect(h["svix-id"]).toBe(msg.id);
    expect(h["svix-timestamp"]).toBe(h["webhook-timestamp"]);
    expect(h["svix-signature"]).toBe(h["webhook-signature"]);
    // Only Svix's names, as a receiver written against Svix reads them.
    expect(() =>
      new SvixWebhook(key).verify(receiver.requests[1]!.body, {
        "svix-id": String(h["svix-id"]),
        "svix-timestamp": String(h["svix-timestamp"]),
        "svix-signature": String(h["svix-signature"]),
      }),
    ).not.toThrow();
    await receiver.close();
  });

  it("only owners and admins change team settings; bad values are refused by field", async () => {
    const settings = await teamSettings(stack.tenant.tenantId);
    await expect(
      saveTeamSettings(stack.tenant.tenantId, "member", { ...settings, svixHeaders: false }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      saveTeamSettings(stack.tenant.tenantId, "admin", { ...settings, retentionDays: 91 }),
    ).rejects.toMatchObject({ problems: [{ loc: ["retentionDays"] }] });
    await saveTeamSettings(stack.tenant.tenantId, "admin", {
      ...settings,
      name: "Renamed",
      retentionDays: 7,
    });
    expect(await db.tenant.findUniqueOrThrow({ where: { id: stack.tenant.tenantId } })).toMatchObject({
      name: "Renamed",
      retentionDays: 7,
    });
  });
});
