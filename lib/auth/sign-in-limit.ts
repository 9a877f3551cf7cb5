import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { pgPool } from "@/lib/db";
import { env } from "@/lib/env";

// Failed password sign-ins, counted per account in PostgreSQL (rate-limiter-flexible's store, the
// RateLimit table), so every process shares the count: SIGN_IN_MAX_FAILURES within
// SIGN_IN_FAILURE_WINDOW, then sign-in for that account answers 429 with Retry-After until the
// window ends, whatever password comes. A success clears the count.

let limiter: RateLimiterPostgres | undefined;
function failures(): RateLimiterPostgres {
  limiter ??= new RateLimiterPostgres({
    storeClient: pgPool(),
    tableName: "RateLimit",
    tableCreated: true,
    keyPrefix: "sign-in-failures",
    points: env().SIGN_IN_MAX_FAILURES,
    duration: Math.ceil(env().SIGN_IN_FAILURE_WINDOW / 1000),
    clearExpiredByTimeout: true,
  });
  return limiter;
}

const accountKey = (email: string) => email.trim().toLowerCase();

/** Seconds until the account may try again, or null when it may now. */
export async function signInBlockedFor(email: string): Promise<number | null> {
  const state = await failures().get(accountKey(email));
  if (!state || state.consumedPoints < env().SIGN_IN_MAX_FAILURES) return null;
  return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
}

export async function recordFailedSignIn(email: string): Promise<void> {
  try {
    await failures().consume(accountKey(email));
  } catch (error) {
    // Over the limit already: that is what the count is for, not an error.
    if (!(error instanceof RateLimiterRes)) throw error;
  }
}

export async function clearSignInFailures(email: string): Promise<void> {
  await failures().delete(accountKey(email));
}
