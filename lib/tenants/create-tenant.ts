import { db } from "@/lib/db";
import { newId } from "@/lib/ids";

/** A new tenant owned by an existing user (a user can belong to several). */
export async function createTenant(ownerId: string, name: string): Promise<string> {
  const tenantId = newId("org");
  await db.$transaction([
    db.tenant.create({ data: { id: tenantId, name }, select: { id: true } }),
    db.membership.create({
      data: { id: newId("mem"), userId: ownerId, tenantId, role: "owner" },
      select: { id: true },
    }),
  ]);
  return tenantId;
}
