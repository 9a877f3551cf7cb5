import { ApiError, conflict } from "@/lib/api/errors";
import { hashPassword } from "@/lib/auth/passwords";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { findInvitation } from "@/lib/team/find-invitation";

/**
 * Accepts an invitation for a signed-in user (`userId`) whose email is the invited one, or creates
 * the invited user with a password (`newUser`). The membership and the acceptance are one
 * transaction, and a link works once. Returns the tenant joined.
 */
export async function acceptInvitation(
  token: string,
  who: { userId: string } | { newUser: { name?: string; password: string } },
  now = new Date(),
): Promise<{ tenantId: string; email: string }> {
  const found = await findInvitation(token, now);
  if (!found.invitation) throw new ApiError(410, "gone", found.problem);
  const { invitation } = found;
  // Hashed before the transaction, which would otherwise hold a connection while it runs.
  const passwordHash = "newUser" in who ? await hashPassword(who.newUser.password) : null;
  return db.$transaction(async (tx) => {
    let userId: string;
    if ("userId" in who) {
      const user = await tx.user.findUnique({ where: { id: who.userId }, select: { id: true, email: true } });
      if (user?.email !== invitation.email) {
        throw new ApiError(
          403,
          "forbidden",
          `This invitation is for ${invitation.email}; sign in as that user.`,
        );
      }
      userId = user.id;
    } else {
      const taken = await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
      if (taken) throw conflict(`An account for ${invitation.email} exists: sign in to accept.`);
      userId = newId("user");
      await tx.user.create({
        data: {
          id: userId,
          email: invitation.email,
          name: who.newUser.name || null,
          passwordHash,
        },
        select: { id: true },
      });
    }
    // Accept first, conditionally: a second use of the same link in a race changes no row.
    const accepted = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null },
      data: { acceptedAt: now },
    });
    if (accepted.count === 0) throw new ApiError(410, "gone", "This invitation has already been accepted.");
    await tx.membership.upsert({
      where: { userId_tenantId: { userId, tenantId: invitation.tenantId } },
      create: {
        id: newId("mem", now.getTime()),
        userId,
        tenantId: invitation.tenantId,
        role: invitation.role,
      },
      update: {},
      select: { id: true },
    });
    return { tenantId: invitation.tenantId, email: invitation.email };
  });
}
