import { randomBytes } from "node:crypto";
import { conflict } from "@/lib/api/errors";
import { hashApiKey } from "@/lib/api-keys/key-format";
import { db } from "@/lib/db";
import { appUrl } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/enums";
import { newId } from "@/lib/ids";
import { assertCanManage } from "@/lib/team/team-permissions";

export const INVITATION_TTL_MS = 7 * 24 * 3_600_000;

/**
 * Invites an email address to the tenant with a role. Returns the link to hand over (its token
 * is stored only as a hash, like API keys). Inviting someone already in the team is a 409.
 * `actor` is the inviting member, whose role bounds what they may grant, or null for the
 * operator (`npm run admin`), who may invite an owner.
 */
export async function createInvitation(
  tenantId: string,
  actor: { userId: string; role: Role } | null,
  input: { email: string; role: Role },
  now = new Date(),
) {
  if (actor) assertCanManage(actor.role, undefined, input.role);
  const email = input.email.trim().toLowerCase();
  const existing = await db.membership.findFirst({
    where: { tenantId, user: { email } },
    select: { id: true },
  });
  if (existing) throw conflict(`${email} is already a member of this team`);
  const token = randomBytes(24).toString("base64url");
  const invitation = await db.invitation.create({
    data: {
      id: newId("inv", now.getTime()),
      tenantId,
      email,
      role: input.role,
      tokenHash: hashApiKey(token),
      invitedById: actor?.userId ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    },
    select: { id: true, email: true, role: true, expiresAt: true },
  });
  return { invitation, url: `${appUrl()}/invite/${token}` };
}
