import { db } from "@/lib/db";

export type HealthState = "failing" | "degraded" | "healthy" | "idle" | "disabled";

export interface EndpointHealth {
  state: HealthState;
  /** Attempts in the last 24 hours, and how many succeeded. */
  attempts: number;
  succeeded: number;
  /** Success rate over the last 24 hours (0–100), null without attempts. */
  successRate: number | null;
  last: { outcome: "success" | "failure"; status: number; errorKind: string | null; at: Date } | null;
  failingSince: Date | null;
  consecutiveFailures: number;
}

/** Below this success rate over 24 hours (and not in a failure run), an endpoint is "degraded". */
export const DEGRADED_BELOW = 95;

/**
 * How each endpoint is doing, for lists: its 24-hour success rate, its last attempt, and whether
 * it is in a run of failures (the same run auto-disable counts). One statement for all of them,
 * on the (endpointId, createdAt) attempt index.
 */
export async function endpointListHealth(
  tenantId: string,
  endpoints: { id: string; disabled: boolean }[],
  now = new Date(),
): Promise<Map<string, EndpointHealth>> {
  if (endpoints.length === 0) return new Map();
  const since = new Date(now.getTime() - 86_400_000);
  const rows = await db.$queryRaw<
    {
      id: string;
      failingSince: Date | null;
      consecutiveFailures: number;
      total: number;
      ok: number;
      outcome: "success" | "failure" | null;
      status: number | null;
      errorKind: string | null;
      at: Date | null;
    }[]
  >`
    SELECT e.id, e."failingSince", e."consecutiveFailures", s.total, s.ok,
           l.outcome, l."responseStatusCode" AS status, l."errorKind", l."createdAt" AS at
      FROM "Endpoint" e
      LEFT JOIN LATERAL (
        SELECT count(*)::int AS total, count(*) FILTER (WHERE a.outcome = 'success')::int AS ok
          FROM "MessageAttempt" a WHERE a."endpointId" = e.id AND a."createdAt" >= ${since}
      ) s ON true
      LEFT JOIN LATERAL (
        SELECT a.outcome, a."responseStatusCode", a."errorKind", a."createdAt"
          FROM "MessageAttempt" a WHERE a."endpointId" = e.id ORDER BY a."createdAt" DESC LIMIT 1
      ) l ON true
     WHERE e."tenantId" = ${tenantId} AND e.id = ANY(${endpoints.map((e) => e.id)}::text[])`;
  const disabled = new Set(endpoints.filter((e) => e.disabled).map((e) => e.id));
  return new Map(
    rows.map((r) => {
      const successRate = r.total > 0 ? Math.round((r.ok / r.total) * 1000) / 10 : null;
      const state: HealthState = disabled.has(r.id)
        ? "disabled"
        : r.failingSince && r.consecutiveFailures > 0
          ? "failing"
          : successRate === null
            ? "idle"
            : successRate < DEGRADED_BELOW
              ? "degraded"
              : "healthy";
      return [
        r.id,
        {
          state,
          attempts: r.total,
          succeeded: r.ok,
          successRate,
          last: r.outcome
            ? { outcome: r.outcome, status: r.status ?? 0, errorKind: r.errorKind, at: r.at! }
            : null,
          failingSince: r.failingSince,
          consecutiveFailures: r.consecutiveFailures,
        },
      ];
    }),
  );
}

const ORDER: Record<HealthState, number> = { failing: 0, degraded: 1, disabled: 2, idle: 3, healthy: 4 };

/** Unhealthy first: failing, degraded, disabled, never attempted, healthy (then as given). */
export function byHealth<T extends { id: string }>(list: T[], health: Map<string, EndpointHealth>): T[] {
  return list
    .map((item, i) => ({ item, i, rank: ORDER[health.get(item.id)?.state ?? "idle"] }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.item);
}
