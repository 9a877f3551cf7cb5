import { describe, expect, it } from "vitest";
import { DEFAULT_SCHEDULE, nextRetryDelay, parseRetryAfter } from "@/lib/delivery/retry-policy";
import { parseDurationList } from "@/lib/duration";

const policy = { schedule: parseDurationList(DEFAULT_SCHEDULE), jitter: 0.2, retryAfterMax: 3_600_000 };

describe("retry policy", () => {
  it("ships the default schedule: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h", () => {
    expect(policy.schedule).toEqual([
      0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
    ]);
  });

  it("waits the scheduled delay after each failed attempt, with ±20 % jitter", () => {
    expect(nextRetryDelay(policy, 1, null, () => 0.5)).toBe(5_000);
    expect(nextRetryDelay(policy, 1, null, () => 0)).toBe(4_000);
    expect(nextRetryDelay(policy, 1, null, () => 1)).toBe(6_000);
    expect(nextRetryDelay(policy, 4, null, () => 0.5)).toBe(7_200_000);
  });

  it("gives up after the eighth attempt", () => {
    expect(nextRetryDelay(policy, 7, null, () => 0.5)).toBe(36_000_000);
    expect(nextRetryDelay(policy, 8, null, () => 0.5)).toBeNull();
  });

  it("retries a 503 with the Retry-After delay, capped at 1 hour", () => {
    expect(nextRetryDelay(policy, 1, 120_000)).toBe(120_000);
    expect(nextRetryDelay(policy, 1, 86_400_000)).toBe(3_600_000);
    expect(nextRetryDelay(policy, 8, 1_000)).toBeNull();
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = new Date("2026-11-29T12:00:00Z");
    expect(parseRetryAfter("30", now)).toBe(30_000);
    expect(parseRetryAfter("Sun, 29 Nov 2026 12:01:00 GMT", now)).toBe(60_000);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});
