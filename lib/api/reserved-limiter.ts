import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { ApiError } from "@/lib/api/errors";
import { pgPool } from "@/lib/db";
import { env } from "@/lib/env";

interface Budget {
  /** Points this process reserved in PostgreSQL and has not spent yet. */
  left: number;
  /** When the window they were reserved in ends (ms since epoch); unspent points lapse then. */
  until: number;
  /** Set while a reservation is on its way, so concurrent requests share it. */
  pending?: Promise<void>;
  /** Refused until then (ms since epoch) without asking PostgreSQL again. */
  refusedUntil?: number;
}

/**
 * A fixed-window rate limit shared by every process through PostgreSQL (rate-limiter-flexible's
 * store, the RateLimit table) without a statement per request: each process reserves points in
 * chunks of `points / 20` and spends them locally, so the hot API path pays one upsert per chunk.
 * Several processes together may let through at most one chunk each beyond the limit per window,
 * and a process that reserved more than it spends makes the others hit the limit that much early:
 * the price of not asking PostgreSQL for every request.
 */
export class ReservedLimiter {
  private readonly store: RateLimiterPostgres;
  private readonly chunk: number;
  private readonly budgets = new Map<string, Budget>();

  constructor(
    readonly keyPrefix: string,
    readonly points: number,
    readonly durationSeconds: number,
  ) {
    this.store = new RateLimiterPostgres({
      storeClient: pgPool(),
      tableName: "RateLimit",
      tableCreated: true,
      keyPrefix,
      points,
      duration: durationSeconds,
      clearExpiredByTimeout: true,
    });
    this.chunk = Math.max(1, Math.floor(points / 20));
  }

  /**
   * Spends `cost` points for `key`: null when the request may go on, else the seconds until the
   * window ends. If PostgreSQL cannot be asked, the request goes on (it needs the database anyway,
   * and a limiter outage must not become an API outage).
   */
  async take(key: string, cost = 1): Promise<number | null> {
    if (this.budgets.size > 10_000) this.forgetLapsed();
    for (;;) {
      const now = Date.now();
      let budget = this.budgets.get(key);
      if (budget?.refusedUntil && now < budget.refusedUntil)
        return Math.max(1, Math.ceil((budget.refusedUntil - now) / 1000));
      if (budget && now >= budget.until && !budget.pending) {
        this.budgets.delete(key);
        budget = undefined;
      }
      if (budget && budget.left >= cost && now < budget.until) {
        budget.left -= cost;
        return null;
      }
      if (budget?.pending) {
        await budget.pending;
        continue;
      }
      const fresh: Budget = budget ?? { left: 0, until: 0 };
      this.budgets.set(key, fresh);
      let refusedFor: number | null = null;
      fresh.pending = this.reserve(key, Math.max(cost, this.chunk), fresh).then(
        (wait) => {
          refusedFor = wait;
        },
        () => {
          // Fail open: grant this request without a reservation.
          fresh.until = 0;
          refusedFor = -1;
        },
      );
      await fresh.pending;
      fresh.pending = undefined;
      if (refusedFor === -1) return null;
      if (refusedFor !== null) return refusedFor;
    }
  }

  private forgetLapsed(): void {
    const now = Date.now();
    for (const [key, budget] of this.budgets)
      if (now >= budget.until && !budget.pending) this.budgets.delete(key);
  }

  /** Reserves `want` points (fewer if only fewer are left); the seconds to wait when none are. */
  private async reserve(key: string, want: number, budget: Budget): Promise<number | null> {
    try {
      const res = await this.store.consume(key, want);
      budget.left += want;
      budget.until = Date.now() + res.msBeforeNext;
      return null;
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      // Over by this reservation: give back what we could not use, keep what was left.
      const remaining = Math.max(0, this.points - (error.consumedPoints - want));
      if (remaining > 0) {
        await this.store.reward(key, want - remaining);
        budget.left += remaining;
        budget.until = Date.now() + error.msBeforeNext;
        return null;
      }
      budget.refusedUntil = Date.now() + error.msBeforeNext;
      budget.until = budget.refusedUntil;
      return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    }
  }
}

/** Rate-limit answers: Svix's HttpErrorOut with Retry-After. */
export function tooManyRequests(detail: string, retryAfterSeconds: number): ApiError {
  return new ApiError(429, "rate_limit_exceeded", detail, { "retry-after": String(retryAfterSeconds) });
}

const limiters = new Map<string, ReservedLimiter>();

function shared(name: string, points: number): ReservedLimiter {
  let found = limiters.get(name);
  if (!found || found.points !== points) {
    found = new ReservedLimiter(name, points, 1);
    limiters.set(name, found);
  }
  return found;
}

/** Spends one of the API key's API_RATE_LIMIT requests this second, or throws the 429. */
export async function spendApiRequest(apiKeyId: string): Promise<void> {
  const points = env().API_RATE_LIMIT;
  if (points === 0) return;
  const wait = await shared("api-key", points).take(apiKeyId);
  if (wait !== null)
    throw tooManyRequests(`Rate limit exceeded: at most ${points} requests per second per API key`, wait);
}

/** Spends `count` of the tenant's QUOTA_MESSAGES_PER_SECOND, or throws the 429. */
export async function spendMessages(tenantId: string, count = 1): Promise<void> {
  const points = env().QUOTA_MESSAGES_PER_SECOND;
  if (points === 0) return;
  const wait = await shared("tenant-messages", points).take(tenantId, count);
  if (wait !== null)
    throw tooManyRequests(`Quota exceeded: at most ${points} messages per second per account`, wait);
}
