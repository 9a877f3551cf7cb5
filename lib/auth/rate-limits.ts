import { createHash } from "node:crypto";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { pgPool } from "@/lib/db";
import { env } from "@/lib/env";

// The portal's rate limits, counted in PostgreSQL (rate-limiter-flexible's store, the RateLimit
// table) so every process shares them:
// - failed password sign-ins per account (SIGN_IN_MAX_FAILURES) and per client address
//   (SIGN_IN_MAX_FAILURES_PER_ADDRESS, one place trying many accounts) within
//   SIGN_IN_FAILURE_WINDOW; past either, sign-in answers 429 with Retry-After until the window
//   ends, whatever password comes. A success clears the account's count (not the address's).
// - sign-up attempts per client address (SIGN_UPS_PER_ADDRESS an hour), and sign-up mails per
//   recipient (SIGN_UP_MAILS_PER_RECIPIENT an hour: the form cannot be used to flood an inbox).
// - invitation acceptances per invitation and per client address (INVITATION_ACCEPTS_PER_*).

type Kind = "account" | "address" | "sign-up" | "sign-up-mail" | "invitation" | "invitation-address";

const limiters = new Map<Kind, RateLimiterPostgres>();
function limiter(kind: Kind): RateLimiterPostgres {
  let found = limiters.get(kind);
  if (!found) {
    const e = env();
    const signInWindow = Math.ceil(e.SIGN_IN_FAILURE_WINDOW / 1000);
    const [keyPrefix, points, duration] = {
      account: ["sign-in-failures-account", e.SIGN_IN_MAX_FAILURES, signInWindow],
      address: ["sign-in-failures-address", e.SIGN_IN_MAX_FAILURES_PER_ADDRESS, signInWindow],
      "sign-up": ["sign-ups-address", e.SIGN_UPS_PER_ADDRESS, 3600],
      "sign-up-mail": ["sign-up-mails-recipient", SIGN_UP_MAILS_PER_RECIPIENT, 3600],
      invitation: ["invitation-accepts", e.INVITATION_ACCEPTS_PER_INVITATION, 3600],
      "invitation-address": ["invitation-accepts-address", e.INVITATION_ACCEPTS_PER_ADDRESS, 3600],
    }[kind] as [string, number, number];
    found = new RateLimiterPostgres({
      storeClient: pgPool(),
      tableName: "RateLimit",
      tableCreated: true,
      keyPrefix,
      points,
      duration,
      clearExpiredByTimeout: true,
    });
    limiters.set(kind, found);
  }
  return found;
}

/** Consumes a point of each; null when all had one left, else the seconds to wait. */
async function take(entries: [Kind, string][]): Promise<number | null> {
  let wait: number | null = null;
  for (const [kind, key] of entries) {
    try {
      await limiter(kind).consume(key);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      wait = Math.max(wait ?? 0, Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
    }
  }
  return wait;
}

/** Sign-up mails one address may receive an hour (confirmation links or "you have an account"). */
export const SIGN_UP_MAILS_PER_RECIPIENT = 5;

/** Counts a sign-up mail to `email`: null when it may be sent, else the seconds to wait. */
export async function takeSignUpMail(email: string): Promise<number | null> {
  return take([["sign-up-mail", email.trim().toLowerCase()]]);
}

/**
 * Counts a sign-up attempt from `address` (SIGN_UPS_PER_ADDRESS an hour): null when it may go on,
 * else the seconds to wait. Without a known address (outside our HTTP server) it always may.
 */
export async function takeSignUpAttempt(address: string | null | undefined): Promise<number | null> {
  return address ? take([["sign-up", address]]) : null;
}

/**
 * Counts an attempt to accept the invitation `token` from `address`: INVITATION_ACCEPTS_PER_INVITATION
 * an hour per invitation and INVITATION_ACCEPTS_PER_ADDRESS per client address (one place trying
 * many links). Null when it may go on, else the seconds to wait.
 */
export async function takeInvitationAttempt(
  token: string,
  address: string | null | undefined,
): Promise<number | null> {
  const key = createHash("sha256").update(token).digest("base64url");
  return take([["invitation", key], ...(address ? [["invitation-address", address] as [Kind, string]] : [])]);
}

interface Who {
  email: string;
  /** The client's address (lib/http/client-address.ts); unknown outside our HTTP server. */
  address?: string | null;
}

const keys = ({ email, address }: Who): [Kind, string][] => [
  ["account", email.trim().toLowerCase()],
  ...(address ? [["address", address] as [Kind, string]] : []),
];

/** Seconds until this sign-in may be tried, or null when it may now. */
export async function signInBlockedFor(who: Who): Promise<number | null> {
  let wait: number | null = null;
  for (const [kind, key] of keys(who)) {
    const state = await limiter(kind).get(key);
    if (state && state.consumedPoints >= limiter(kind).points)
      wait = Math.max(wait ?? 0, Math.max(1, Math.ceil(state.msBeforeNext / 1000)));
  }
  return wait;
}

export async function recordFailedSignIn(who: Who): Promise<void> {
  for (const [kind, key] of keys(who)) {
    try {
      await limiter(kind).consume(key);
    } catch (error) {
      // Over the limit already: that is what the count is for, not an error.
      if (!(error instanceof RateLimiterRes)) throw error;
    }
  }
}

export async function clearSignInFailures(email: string): Promise<void> {
  await limiter("account").delete(email.trim().toLowerCase());
}
