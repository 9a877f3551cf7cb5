"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { ApiError } from "@/lib/api/errors";
import { takeSignUpAttempt } from "@/lib/auth/rate-limits";
import { env } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";
import { mailConfigured } from "@/lib/mail/send-mail";
import { signUpIn } from "@/lib/schemas/auth";
import { signUp } from "@/lib/tenants/sign-up";
import { confirmSignUp, requestSignUp } from "@/lib/tenants/sign-up-request";
import type { SignUpState } from "@/lib/tenants/sign-up-state";

/** Follows a confirmation link: creates the account, then sends the user to sign in. */
export async function confirmSignUpAction(token: string): Promise<{ error?: string }> {
  let email: string;
  try {
    ({ email } = await confirmSignUp(token));
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) return { error: error.detail };
    throw error;
  }
  redirect(`/signin?confirmed=1&email=${encodeURIComponent(email)}`);
}

// Creates the account and its tenant; the form then signs in through next-auth.
export async function signUpAction(_prev: SignUpState, form: FormData): Promise<SignUpState> {
  if (!env().SIGNUP_ENABLED) return { ok: false, error: "Sign-up is disabled on this server." };
  const values = Object.fromEntries(
    ["name", "tenantName", "email"].map((k) => [k, String(form.get(k) ?? "")]),
  );
  const parsed = signUpIn.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { ok: false, fieldErrors, values };
  }
  const wait = await takeSignUpAttempt((await headers()).get(CLIENT_ADDRESS_HEADER));
  if (wait !== null)
    return {
      ok: false,
      error: `Too many sign-ups from your address; try again in ${Math.ceil(wait / 60)} minutes.`,
      values,
    };
  if (mailConfigured()) {
    // The same answer whether or not the address has an account (lib/tenants/sign-up-request.ts).
    try {
      await requestSignUp(parsed.data);
    } catch (error) {
      console.error("[sign-up] could not send the confirmation mail:", (error as Error).message);
      return {
        ok: false,
        error: "We could not send the confirmation email just now; try again in a few minutes.",
        values,
      };
    }
    return { ok: true, checkInbox: parsed.data.email };
  }
  try {
    await signUp(parsed.data);
    return { ok: true };
  } catch (error) {
    if (error instanceof ApiError && error.status === 409)
      return { ok: false, fieldErrors: { email: error.detail }, values };
    throw error;
  }
}
