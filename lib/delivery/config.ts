import type { RetryPolicy } from "@/lib/delivery/retry-policy";
import type { GuardOptions } from "@/lib/delivery/ssrf-guard";
import { appUrl, env } from "@/lib/env";

export interface DeliveryConfig {
  retry: RetryPolicy;
  guard: GuardOptions;
  /** Auto-disable an endpoint failing without a success for this long (ms) … */
  disableAfterMs: number;
  /** … and at least this many times. */
  disableMinAttempts: number;
  /** A delivery still `sending` this long past its endpoint's timeout belongs to a dead worker. */
  orphanGraceMs: number;
  userAgent: string;
  /** Where receivers reach this Hookline (re-fetch URLs of thin payloads). */
  publicUrl: string;
}

export const HOOKLINE_VERSION = "0.1.0";

/** Delivery settings from the environment; tests build their own. */
export function deliveryConfig(): DeliveryConfig {
  const e = env();
  return {
    retry: {
      schedule: e.DELIVERY_RETRY_SCHEDULE,
      jitter: e.DELIVERY_RETRY_JITTER,
      retryAfterMax: e.DELIVERY_RETRY_AFTER_MAX,
    },
    guard: {
      allowCidrs: e.DELIVERY_ALLOW_CIDRS,
      // On unless turned off; boot() turns it off for the embedded default on a loopback HOST.
      requireHttps: e.DELIVERY_REQUIRE_HTTPS ?? true,
      proxy: e.DELIVERY_PROXY_URL ?? null,
    },
    disableAfterMs: e.ENDPOINT_DISABLE_AFTER,
    disableMinAttempts: e.ENDPOINT_DISABLE_MIN_ATTEMPTS,
    orphanGraceMs: e.DELIVERY_ORPHAN_GRACE,
    userAgent: `Hookline/${HOOKLINE_VERSION} (+https://github.com/hookline/hookline)`,
    publicUrl: appUrl(),
  };
}
