import { z } from "zod";
import { ApiError, conflict } from "@/lib/api/errors";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { createInvitation } from "@/lib/team/create-invitation";

// What the admin CLI (lib/cli/admin.ts) does: tenants made by the operator, not by a sign-up.

const tenantName = z.string().trim().min(1).max(256);
const email = z.string().trim().toLowerCase().email();

const invalid = (detail: string) => new ApiError(422, "validation", detail);

/**
 * A tenant with no member yet, its first API key, and, given an email, a link that makes whoever
 * opens it the tenant's owner (the invitation works as the portal's do: once, for 7 days).
 */
export async function createTenantWithOwnerInvitation(name: string, ownerEmail?: string) {
  const checkedName = tenantName.safeParse(name);
  if (!checkedName.success) throw invalid("A tenant name has 1 to 256 characters");
  const checkedEmail = ownerEmail === undefined ? null : email.safeParse(ownerEmail);
  if (checkedEmail && !checkedEmail.success) throw invalid(`Not an email address: ${ownerEmail}`);
  const tenantId = newId("org");
  await db.tenant.create({ data: { id: tenantId, name: checkedName.data }, select: { id: true } });
  const key = await createApiKey({ tenantId, name: "Admin CLI key" });
  const invitation = checkedEmail
    ? await createInvitation(tenantId, null, { email: checkedEmail.data, role: "owner" })
    : null;
  return { tenantId, key, invitationUrl: invitation?.url ?? null };
}

/** A tenant by id, or by its exact name when no other tenant has it. */
export async function findTenant(idOrName: string): Promise<{ id: string; name: string }> {
  const byId = await db.tenant.findUnique({ where: { id: idOrName }, select: { id: true, name: true } });
  if (byId) return byId;
  const named = await db.tenant.findMany({
    where: { name: idOrName },
    select: { id: true, name: true },
    take: 2,
  });
  if (named.length === 0) throw new ApiError(404, "not_found", `No tenant has the id or name "${idOrName}"`);
  if (named.length > 1)
    throw conflict(`Several tenants are named "${idOrName}": use the id (npm run admin -- list-tenants)`);
  return named[0]!;
}

export function createTenantKey(tenantId: string, name: string) {
  const checked = z.string().trim().min(1).max(256).safeParse(name);
  if (!checked.success) throw invalid("A key name has 1 to 256 characters");
  return createApiKey({ tenantId, name: checked.data });
}

/** Every tenant, oldest first, with what it holds. */
export async function listTenants() {
  const tenants = await db.tenant.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      createdAt: true,
      _count: {
        select: {
          memberships: true,
          apiKeys: { where: { revokedAt: null } },
          applications: { where: { internal: false } },
        },
      },
    },
  });
  return tenants.map((t) => ({
    id: t.id,
    name: t.name,
    createdAt: t.createdAt,
    members: t._count.memberships,
    liveKeys: t._count.apiKeys,
    applications: t._count.applications,
  }));
}
