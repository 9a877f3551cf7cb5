import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { acceptInvitation } from "@/lib/team/accept-invitation";
import { changeMember } from "@/lib/team/change-member";
import { createInvitation } from "@/lib/team/create-invitation";
import { findInvitation } from "@/lib/team/find-invitation";
import { revokeInvitation } from "@/lib/team/revoke-invitation";
import { freshDatabase } from "../support/database";
import { createTestTenant } from "../support/fixtures";

let tenant: Awaited<ReturnType<typeof createTestTenant>>;
const owner = () => ({ userId: tenant.userId, role: "owner" as const });
const tokenOf = (url: string) => url.split("/invite/")[1]!;

beforeAll(async () => {
  await freshDatabase();
  tenant = await createTestTenant("team");
});
afterAll(() => db.$disconnect());

async function memberWith(role: "owner" | "admin" | "member") {
  const { url } = await createInvitation(tenant.tenantId, owner(), {
    email: `${role}-${newId("user")}@x.test`,
    role,
  });
  await acceptInvitation(tokenOf(url), { newUser: { password: "a long enough password" } });
  return db.membership.findFirstOrThrow({
    where: { tenantId: tenant.tenantId, role },
    orderBy: { createdAt: "desc" },
  });
}

describe("team invitations and roles", () => {
  it("stores only a hash of the link's token, works once, and refuses expired and revoked links", async () => {
    const { url, invitation } = await createInvitation(tenant.tenantId, owner(), {
      email: "Ann@X.test",
      role: "admin",
    });
    expect(invitation.email).toBe("ann@x.test");
    const token = tokenOf(url);
    expect(JSON.stringify(await db.invitation.findMany())).not.toContain(token);
    const joined = await acceptInvitation(token, { newUser: { password: "a long enough password" } });
    expect(joined.tenantId).toBe(tenant.tenantId);
    await expect(
      acceptInvitation(token, { newUser: { password: "a long enough password" } }),
    ).rejects.toMatchObject({
      status: 410,
    });

    const later = await createInvitation(tenant.tenantId, owner(), { email: "bob@x.test", role: "member" });
    expect((await findInvitation(tokenOf(later.url), new Date(Date.now() + 8 * 86_400_000))).problem).toMatch(
      /expired/,
    );
    await revokeInvitation(tenant.tenantId, "owner", later.invitation.id);
    expect((await findInvitation(tokenOf(later.url))).problem).toMatch(/not valid/);
  });

  it("accepts for a signed-in user only when the email is the invited one", async () => {
    const other = await createTestTenant("someone");
    const { url } = await createInvitation(tenant.tenantId, owner(), {
      email: "carol@x.test",
      role: "member",
    });
    await expect(acceptInvitation(tokenOf(url), { userId: other.userId })).rejects.toMatchObject({
      status: 403,
    });
    expect(await db.membership.count({ where: { tenantId: tenant.tenantId, userId: other.userId } })).toBe(0);
  });

  it("lets members manage no one, admins manage admins and members but not owners, owners everyone", async () => {
    const admin = await memberWith("admin");
    const member = await memberWith("member");
    await expect(
      createInvitation(
        tenant.tenantId,
        { userId: member.userId, role: "member" },
        { email: "d@x.test", role: "member" },
      ),
    ).rejects.toMatchObject({ status: 403 });
    await expect(changeMember(tenant.tenantId, "member", admin.id, { role: "member" })).rejects.toMatchObject(
      { status: 403 },
    );
    await expect(
      createInvitation(
        tenant.tenantId,
        { userId: admin.userId, role: "admin" },
        { email: "e@x.test", role: "owner" },
      ),
    ).rejects.toMatchObject({ status: 403 });
    const ownerMembership = await db.membership.findFirstOrThrow({
      where: { tenantId: tenant.tenantId, userId: tenant.userId },
    });
    await expect(
      changeMember(tenant.tenantId, "admin", ownerMembership.id, { remove: true }),
    ).rejects.toMatchObject({
      status: 403,
    });
    await changeMember(tenant.tenantId, "admin", member.id, { role: "admin" });
    expect((await db.membership.findUniqueOrThrow({ where: { id: member.id } })).role).toBe("admin");
  });

  it("never leaves a team without an owner, even with two demotions at once", async () => {
    const second = await memberWith("owner");
    const first = await db.membership.findFirstOrThrow({
      where: { tenantId: tenant.tenantId, userId: tenant.userId },
    });
    const results = await Promise.allSettled([
      changeMember(tenant.tenantId, "owner", first.id, { role: "admin" }),
      changeMember(tenant.tenantId, "owner", second.id, { role: "admin" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.membership.count({ where: { tenantId: tenant.tenantId, role: "owner" } })).toBe(1);
  });

  it("does not touch another tenant's members", async () => {
    const other = await createTestTenant("other");
    const theirs = await db.membership.findFirstOrThrow({ where: { tenantId: other.tenantId } });
    await expect(changeMember(tenant.tenantId, "owner", theirs.id, { remove: true })).rejects.toMatchObject({
      status: 404,
    });
  });
});
