import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { pgPool } from "@/lib/db";
import { env } from "@/lib/env";

// The portal's rate limits, counted in PostgreSQL (rate-limiter-flexible's store, the RateLimit
// table) so every process shares them:
// - failed password sign-ins per account (SIGN_IN_MAX_FAILURES) and per client address
//   (SIGN_IN_MAX_FAILURES_PER_ADDRESS, one place trying many accounts) within
//   SIGN_IN_FAILURE_WINDOW; past either, sign-in answers 429 with Retry-After until the window
//   ends, whatever password comes. A success clears the account's count (not the address's).
// - sign-up attempts per client address (SIGN_UPS_PER_ADDRESS an hour).

const limiters = new Map<string, RateLimiterPostgres>();
function limiter(kind: "account" | "address" | "sign-up"): RateLimiterPostgres {
  let found = limiters.get(kind);
  if (!found) {
    const e = env();
    found = new RateLimiterPostgres({
      storeClient: pgPool(),
      tableName: "RateLimit",
      tableCreated: true,
      keyPrefix: kind === "sign-up" ? "sign-ups-address" : `sign-in-failures-${kind}`,
      points: {
        account: e.SIGN_IN_MAX_FAILURES,
        address: e.SIGN_IN_MAX_FAILURES_PER_ADDRESS,
        "sign-up": e.SIGN_UPS_PER_ADDRESS,
      }[kind],
      duration: kind === "sign-up" ? 3600 : Math.ceil(e.SIGN_IN_FAILURE_WINDOW / 1000),
      clearExpiredByTimeout: true,
    });
    limiters.set(kind, found);
  }
  return found;
}

/**
 * Counts a sign-up attempt from `address` (SIGN_UPS_PER_ADDRESS an hour): null when it may go on,
 * else the seconds to wait. Without a known address (outside our HTTP server) it always may.
 */
export async function takeSignUpAttempt(address: string | null | undefined): Promise<number | null> {
  if (!address) return null;
  try {
    await limiter("sign-up").consume(address);
    return null;
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
  }
}

interface Who {
  email: string;
  /** The client's address (lib/http/client-address.ts); unknown outside our HTTP server. */
  address?: string | null;
}

const keys = ({ email, address }: Who) => [
  ["account", email.trim().toLowerCase()] as const,
  ...(address ? [["address", address] as const] : []),
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
