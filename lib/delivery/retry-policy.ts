// When to try again. Pure: the caller passes the schedule, the clock and the randomness.

export interface RetryPolicy {
  /** Delay before attempt n+1 (index 0 = before the first attempt), in ms. Its length is the number of attempts. */
  schedule: number[];
  /** ±fraction applied to each delay, e.g. 0.2 for ±20 %. */
  jitter: number;
  /** Longest Retry-After we honour, in ms. */
  retryAfterMax: number;
}

/** The default: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, with ±20 % jitter. */
export const DEFAULT_SCHEDULE = "0,5s,5m,30m,2h,5h,10h,10h";

/**
 * The delay before the next attempt after `attemptsMade` attempts, or null when the schedule is
 * exhausted. A `retryAfterMs` (from a 429 or 503) replaces the scheduled delay, capped.
 */
export function nextRetryDelay(
  policy: RetryPolicy,
  attemptsMade: number,
  retryAfterMs: number | null = null,
  random: () => number = Math.random,
): number | null {
  const scheduled = policy.schedule[attemptsMade];
  if (scheduled === undefined) return null;
  if (retryAfterMs !== null) return Math.min(Math.max(retryAfterMs, 0), policy.retryAfterMax);
  const factor = 1 + policy.jitter * (2 * random() - 1);
  return Math.round(scheduled * factor);
}

/** `Retry-After` as seconds or an HTTP date → ms from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now.getTime());
}
