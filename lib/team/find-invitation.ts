import { hashApiKey } from "@/lib/api-keys/key-format";
import { db } from "@/lib/db";

/** The invitation behind a link, or why it cannot be used. */
export async function findInvitation(token: string, now = new Date()) {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashApiKey(token) },
    select: {
      id: true,
      tenantId: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      tenant: { select: { name: true } },
    },
  });
  if (!invitation || invitation.revokedAt) return { problem: "This invitation link is not valid." } as const;
  if (invitation.acceptedAt) return { problem: "This invitation has already been accepted." } as const;
  if (invitation.expiresAt <= now)
    return { problem: "This invitation has expired: ask for a new one." } as const;
  return { invitation } as const;
}
