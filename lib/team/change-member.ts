import { ApiError, notFound } from "@/lib/api/errors";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { assertCanManage } from "@/lib/team/team-permissions";

/**
 * Changes a member's role (`role`) or removes them (`remove`). The team always keeps an owner:
 * the last owner can be neither demoted nor removed. Checked and written in one transaction.
 */
export async function changeMember(
  tenantId: string,
  actorRole: Role,
  membershipId: string,
  change: { role: Role } | { remove: true },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const target = await tx.membership.findFirst({
      where: { id: membershipId, tenantId },
      select: { id: true, role: true },
    });
    if (!target) throw notFound("Member");
    assertCanManage(actorRole, target.role, "role" in change ? change.role : undefined);
    const losesOwner = target.role === "owner" && ("remove" in change || change.role !== "owner");
    if (losesOwner) {
      // Lock the owners so two demotions at once cannot both pass the count.
      const owners = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Membership" WHERE "tenantId" = ${tenantId} AND role = 'owner' FOR UPDATE`;
      if (owners.length <= 1) throw new ApiError(409, "conflict", "A team needs at least one owner.");
    }
    if ("remove" in change) await tx.membership.delete({ where: { id: target.id } });
    else
      await tx.membership.update({
        where: { id: target.id },
        data: { role: change.role },
        select: { id: true },
      });
  });
}
