import { createHash, randomBytes } from "node:crypto";
import { ApiError } from "@/lib/api/errors";
import { hashPassword } from "@/lib/auth/passwords";
import { takeSignUpMail } from "@/lib/auth/rate-limits";
import { db } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { newId } from "@/lib/ids";
import { sendMail } from "@/lib/mail/send-mail";
import { createAccount } from "@/lib/tenants/sign-up";

// Sign-up confirmed by email (with SMTP_URL set). Whether or not the address has an account,
// the request does the same work (a password hash, a mail) and gets the same answer, "check your
// inbox": a new address gets a link that creates the account, a registered one a note that it
// already has one. So the form cannot be used to learn which addresses are registered.

export const SIGN_UP_LINK_TTL_MS = 24 * 3_600_000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export interface SignUpInput {
  email: string;
  password: string;
  name?: string;
  tenantName?: string;
}

/**
 * Records a pending sign-up and mails its confirmation link, or mails a registered address that
 * it has an account. Past SIGN_UP_MAILS_PER_RECIPIENT mails an hour to one address, nothing is sent
 * (and the answer is the same). Throws only when the mail server refuses.
 */
export async function requestSignUp(input: SignUpInput, now = new Date()): Promise<void> {
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  const registered = await db.user.findUnique({ where: { email }, select: { id: true } });
  if ((await takeSignUpMail(email)) !== null) return;
  if (registered) {
    await sendMail({
      to: email,
      subject: "You already have a Hookline account",
      text: [
        "Someone, probably you, tried to create a Hookline account with this address, which already has one.",
        "",
        `Sign in at ${appUrl()}/signin`,
        "",
        "If it was not you, you can ignore this message: nothing has changed.",
      ].join("\n"),
    });
    return;
  }
  const token = randomBytes(32).toString("base64url");
  await db.signUpRequest.create({
    data: {
      id: newId("sur", now.getTime()),
      email,
      name: input.name?.trim() || null,
      tenantName: input.tenantName?.trim() || null,
      passwordHash,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + SIGN_UP_LINK_TTL_MS),
    },
    select: { id: true },
  });
  await sendMail({
    to: email,
    subject: "Confirm your email to finish signing up to Hookline",
    text: [
      "Follow this link to confirm your address and create your Hookline account:",
      "",
      `${appUrl()}/signup/confirm/${token}`,
      "",
      "The link works once, for 24 hours. If you did not sign up, ignore this message.",
    ].join("\n"),
  });
}

/** The pending sign-up a link names, or why it cannot be used. */
export async function findSignUpRequest(token: string, now = new Date()) {
  const request = await db.signUpRequest.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, email: true, name: true, tenantName: true, passwordHash: true, expiresAt: true },
  });
  if (!request || request.expiresAt <= now)
    return {
      problem: "This link has expired or has already been used. Sign up again for a new one.",
    } as const;
  return { request } as const;
}

/**
 * Creates the account a confirmed link stands for; the link works once. 410 when it expired or
 * was used, 409 when the address got an account meanwhile.
 */
export async function confirmSignUp(token: string, now = new Date()) {
  const found = await findSignUpRequest(token, now);
  if (!found.request) throw new ApiError(410, "gone", found.problem);
  const { request } = found;
  // Taken first, conditionally: two clicks on the link at once create one account.
  const { count } = await db.signUpRequest.deleteMany({ where: { id: request.id } });
  if (count === 0) throw new ApiError(410, "gone", "This link has already been used.");
  const account = await createAccount(request);
  // Other links sent to the same address are now moot.
  await db.signUpRequest.deleteMany({ where: { email: request.email } });
  return account;
}
