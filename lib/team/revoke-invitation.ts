import { notFound } from "@/lib/api/errors";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { assertCanManage } from "@/lib/team/team-permissions";

/** Revokes an open invitation of the tenant; its link stops working at once. */
export async function revokeInvitation(
  tenantId: string,
  actorRole: Role,
  invitationId: string,
  now = new Date(),
) {
  const invitation = await db.invitation.findFirst({
    where: { id: invitationId, tenantId, acceptedAt: null, revokedAt: null },
    select: { id: true, role: true },
  });
  if (!invitation) throw notFound("Invitation");
  assertCanManage(actorRole, invitation.role);
  await db.invitation.update({
    where: { id: invitation.id },
    data: { revokedAt: now },
    select: { id: true },
  });
}
