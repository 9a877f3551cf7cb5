"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { z } from "zod";
import { TENANT_COOKIE, tenantCookieOptions } from "@/lib/auth/current-member";
import { authOptions } from "@/lib/auth/options";
import { takeInvitationAttempt } from "@/lib/auth/rate-limits";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";
import { formProblem } from "@/lib/portal/form-state";
import { signUpIn } from "@/lib/schemas/auth";
import { acceptInvitation } from "@/lib/team/accept-invitation";
import type { AcceptState } from "@/lib/team/accept-state";

async function enterTenant(tenantId: string) {
  (await cookies()).set(TENANT_COOKIE, tenantId, tenantCookieOptions());
}

/** Null, or the answer when this address or invitation has made too many attempts this hour. */
async function tooManyAttempts(token: string): Promise<AcceptState | null> {
  const wait = await takeInvitationAttempt(token, (await headers()).get(CLIENT_ADDRESS_HEADER));
  return wait === null
    ? null
    : { error: `Too many attempts to accept invitations; try again in ${Math.ceil(wait / 60)} minutes.` };
}

/** A signed-in user accepts (their email must be the invited one). */
export async function acceptAsUserAction(token: string): Promise<AcceptState> {
  const session = await getServerSession(authOptions());
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) return { error: "Sign in first." };
  const limited = await tooManyAttempts(token);
  if (limited) return limited;
  let tenantId: string;
  try {
    tenantId = (await acceptInvitation(token, { userId })).tenantId;
  } catch (error) {
    return { error: formProblem(error).error };
  }
  await enterTenant(tenantId);
  redirect("/dashboard");
}

const newUserIn = z.object({ name: signUpIn.shape.name, password: signUpIn.shape.password });

/** Someone new accepts by choosing a password; the form then signs them in. */
export async function acceptAsNewUserAction(
  token: string,
  _prev: AcceptState,
  form: FormData,
): Promise<AcceptState> {
  const parsed = newUserIn.safeParse({ name: form.get("name") || undefined, password: form.get("password") });
  if (!parsed.success) return { fieldErrors: { password: parsed.error.issues[0]!.message } };
  const limited = await tooManyAttempts(token);
  if (limited) return limited;
  try {
    // No tenant cookie here: setting one would refresh this page (now an accepted invitation)
    // before the form signs in, and a new user's only team is this one anyway.
    const { email } = await acceptInvitation(token, { newUser: parsed.data });
    return { ok: true, email };
  } catch (error) {
    return formProblem(error);
  }
}
