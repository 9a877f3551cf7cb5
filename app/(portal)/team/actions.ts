"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { errorAs, portalAction, portalFormAction } from "@/lib/actions/portal-action";
import { Role } from "@/lib/generated/prisma/enums";
import { changeMember } from "@/lib/team/change-member";
import { createInvitation } from "@/lib/team/create-invitation";
import type { InviteState } from "@/lib/team/invite-state";
import { revokeInvitation } from "@/lib/team/revoke-invitation";

// Every action checks the caller's role on the server (lib/team/team-permissions.ts, given the
// member's role); the page hiding controls from members is a courtesy, not the protection.

const inviteIn = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address").max(254),
  role: z.enum(Role).catch("member"),
});

export const inviteAction = portalFormAction(
  { role: "member", schema: inviteIn },
  async ({ member, input }): Promise<InviteState> => {
    const { url, invitation } = await createInvitation(
      member.tenant.id,
      { userId: member.user.id, role: member.role },
      input,
    );
    revalidatePath("/team");
    return { url, email: invitation.email };
  },
);

const done = async (): Promise<{ error?: string }> => {
  revalidatePath("/team");
  return {};
};

export const changeRoleAction = portalAction(
  "member",
  async (member, membershipId: string, role: Role) => {
    await changeMember(member.tenant.id, member.role, membershipId, { role: z.enum(Role).parse(role) });
    return done();
  },
  errorAs("Could not change the role"),
);

export const removeMemberAction = portalAction(
  "member",
  async (member, membershipId: string) => {
    await changeMember(member.tenant.id, member.role, membershipId, { remove: true });
    return done();
  },
  errorAs("Could not remove the member"),
);

export const revokeInvitationAction = portalAction(
  "member",
  async (member, invitationId: string) => {
    await revokeInvitation(member.tenant.id, member.role, invitationId);
    return done();
  },
  errorAs("Could not revoke the invitation"),
);
