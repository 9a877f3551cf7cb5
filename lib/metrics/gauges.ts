import client from "prom-client";
import { db, pgPool } from "@/lib/db";
import { env } from "@/lib/env";
import { registry } from "@/lib/metrics/metrics";

interface QueueFigures {
  due: number;
  scheduled: number;
  oldestDueSeconds: number;
  endpointsDisabled: number;
}

let cached: { at: number; figures: Promise<QueueFigures> } | null = null;

/**
 * The queue's figures, from PostgreSQL at most every METRICS_QUERY_INTERVAL however often
 * Prometheus scrapes (the (status, nextAttemptAt) index answers each part). A failed
 * query (PostgreSQL away) reports nothing new rather than failing the scrape.
 */
function queueFigures(): Promise<QueueFigures> {
  const now = Date.now();
  if (cached && now - cached.at < env().METRICS_QUERY_INTERVAL) return cached.figures;
  const previous = cached?.figures;
  const figures = db.$queryRaw<{ due: number; scheduled: number; oldest: Date | null; disabled: number }[]>`
    SELECT (SELECT count(*)::int FROM "Delivery" WHERE status = 'pending' AND "nextAttemptAt" <= now()) AS due,
           (SELECT count(*)::int FROM "Delivery" WHERE status = 'pending' AND "nextAttemptAt" > now()) AS scheduled,
           (SELECT min("nextAttemptAt") FROM "Delivery" WHERE status = 'pending' AND "nextAttemptAt" <= now()) AS oldest,
           (SELECT count(*)::int FROM "Endpoint" WHERE disabled) AS disabled`.then(
    ([row]) => ({
      due: row?.due ?? 0,
      scheduled: row?.scheduled ?? 0,
      oldestDueSeconds: row?.oldest ? Math.max(0, (Date.now() - row.oldest.getTime()) / 1000) : 0,
      endpointsDisabled: row?.disabled ?? 0,
    }),
    (error: unknown) => {
      cached = null;
      if (previous) return previous;
      throw error;
    },
  );
  cached = { at: now, figures };
  return figures;
}

// A scrape waits this long for the figures at most: PostgreSQL being away (connecting can take
// 10 s to fail) must not make the scrape itself time out and hide every other metric.
const SCRAPE_WAIT_MS = 2000;

function queueGauge(name: string, help: string, pick: (f: QueueFigures) => number) {
  return new client.Gauge({
    name,
    help,
    registers: [registry],
    async collect() {
      const figures = await Promise.race([
        queueFigures().catch(() => null),
        new Promise<null>((resolve) => setTimeout(resolve, SCRAPE_WAIT_MS)),
      ]);
      // No figure this scrape: the last one stays rather than a made-up value.
      if (figures) this.set(pick(figures));
    },
  });
}

queueGauge(
  "hookline_deliveries_due",
  "Deliveries due now and not yet attempted (all tenants).",
  (f) => f.due,
);
queueGauge(
  "hookline_deliveries_scheduled",
  "Deliveries waiting for a later time: retries, scheduled messages, rate-limit slots.",
  (f) => f.scheduled,
);
queueGauge(
  "hookline_oldest_due_delivery_age_seconds",
  "How long the oldest due delivery has waited past its time: the queue's lag.",
  (f) => f.oldestDueSeconds,
);
queueGauge(
  "hookline_endpoints_disabled_total",
  "Endpoints disabled now (by hand or for failing too long).",
  (f) => f.endpointsDisabled,
);

const inFlightSources = new Set<() => number>();

/** A worker's dispatcher reports its attempts in flight here while it runs. */
export function reportInFlight(source: () => number): () => void {
  inFlightSources.add(source);
  return () => inFlightSources.delete(source);
}

new client.Gauge({
  name: "hookline_worker_in_flight",
  help: "Delivery attempts this process has under way.",
  registers: [registry],
  collect() {
    let sum = 0;
    for (const source of inFlightSources) sum += source();
    this.set(sum);
  },
});

const pool = (
  name: string,
  help: string,
  pick: (p: { totalCount: number; idleCount: number; waitingCount: number }) => number,
) =>
  new client.Gauge({
    name,
    help,
    registers: [registry],
    collect() {
      this.set(process.env.DATABASE_URL ? pick(pgPool()) : 0);
    },
  });
pool(
  "hookline_db_pool_connections",
  "Connections open in this process's PostgreSQL pool.",
  (p) => p.totalCount,
);
pool("hookline_db_pool_idle", "Idle connections in this process's PostgreSQL pool.", (p) => p.idleCount);
pool(
  "hookline_db_pool_waiting",
  "Queries waiting for a connection from this process's pool.",
  (p) => p.waitingCount,
);
