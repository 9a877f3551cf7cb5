"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentMember } from "@/lib/auth/current-member";
import { Role } from "@/lib/generated/prisma/enums";
import { type FormState, formProblem } from "@/lib/portal/form-state";
import { changeMember } from "@/lib/team/change-member";
import { createInvitation } from "@/lib/team/create-invitation";
import { revokeInvitation } from "@/lib/team/revoke-invitation";

// Every action checks the caller's role on the server (lib/team/team-permissions.ts); the page
// hiding controls from members is a courtesy, not the protection.

const inviteIn = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address").max(254),
  role: z.enum(Role),
});

export type InviteState = FormState & { url?: string; email?: string };

export async function inviteAction(_prev: InviteState, form: FormData): Promise<InviteState> {
  const member = await currentMember();
  const values = { email: String(form.get("email") ?? ""), role: String(form.get("role") ?? "member") };
  const parsed = inviteIn.safeParse(values);
  if (!parsed.success) return { fieldErrors: { email: parsed.error.issues[0]!.message }, values };
  try {
    const { url, invitation } = await createInvitation(
      member.tenant.id,
      { userId: member.user.id, role: member.role },
      parsed.data,
    );
    revalidatePath("/team");
    return { url, email: invitation.email };
  } catch (error) {
    return { ...formProblem(error), values };
  }
}

export async function changeRoleAction(membershipId: string, role: Role): Promise<{ error?: string }> {
  const member = await currentMember();
  try {
    await changeMember(member.tenant.id, member.role, membershipId, { role: z.enum(Role).parse(role) });
  } catch (error) {
    return { error: formProblem(error).error };
  }
  revalidatePath("/team");
  return {};
}

export async function removeMemberAction(membershipId: string): Promise<{ error?: string }> {
  const member = await currentMember();
  try {
    await changeMember(member.tenant.id, member.role, membershipId, { remove: true });
  } catch (error) {
    return { error: formProblem(error).error };
  }
  revalidatePath("/team");
  return {};
}

export async function revokeInvitationAction(invitationId: string): Promise<{ error?: string }> {
  const member = await currentMember();
  try {
    await revokeInvitation(member.tenant.id, member.role, invitationId);
  } catch (error) {
    return { error: formProblem(error).error };
  }
  revalidatePath("/team");
  return {};
}
