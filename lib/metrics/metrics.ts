import client from "prom-client";

/**
 * This process's Prometheus metrics (one registry; Prometheus sums processes). No tenant,
 * endpoint or message ids as labels: their number is unbounded.
 */
export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry, prefix: "hookline_" });

export const httpRequests = new client.Counter({
  name: "hookline_http_requests_total",
  help: "HTTP requests answered, by route template, method and status code.",
  labelNames: ["route", "method", "status"] as const,
  registers: [registry],
});

export const httpDuration = new client.Histogram({
  name: "hookline_http_request_duration_seconds",
  help: "Time to answer an HTTP request, by route template and method.",
  labelNames: ["route", "method"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const messagesAccepted = new client.Counter({
  name: "hookline_messages_accepted_total",
  help: "Messages accepted by the API (stored, fanned out).",
  registers: [registry],
});

export const attempts = new client.Counter({
  name: "hookline_attempts_total",
  help: "Delivery attempts made, by outcome: success, http_error, timeout, connection, dns, blocked, redirect, unsendable, transformation, internal.",
  labelNames: ["outcome"] as const,
  registers: [registry],
});

export const attemptDuration = new client.Histogram({
  name: "hookline_attempt_duration_seconds",
  help: "Time from sending a delivery attempt to its answer (or its failure).",
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30],
  registers: [registry],
});

/** The attempt-outcome label for an attempt's error kind (null: success). A bounded set. */
export function attemptOutcome(errorKind: string | null): string {
  switch (errorKind) {
    case null:
      return "success";
    case "http_status":
      return "http_error";
    case "ssrf_blocked":
      return "blocked";
    case "timeout":
    case "connection":
    case "dns":
    case "redirect":
    case "transformation":
      return errorKind;
    case "invalid_url":
    case "invalid_header":
    case "expunged":
    case "secret_unreadable":
      return "unsendable";
    default:
      return "internal";
  }
}

/** Counts one attempt (the worker's and the Inngest function's observer). */
export function observeAttempt(result: { errorKind: string | null; durationMs: number }): void {
  attempts.inc({ outcome: attemptOutcome(result.errorKind) });
  attemptDuration.observe(result.durationMs / 1000);
}
