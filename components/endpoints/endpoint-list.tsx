import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import type { EndpointHealth } from "@/lib/endpoints/endpoint-list-health";

const TONE: Record<EndpointHealth["state"], string> = {
  failing: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
  degraded: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  healthy: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  idle: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  disabled: "bg-zinc-200 text-zinc-800 dark:bg-zinc-700 dark:text-zinc-100",
};
const LABEL: Record<EndpointHealth["state"], string> = {
  failing: "Failing",
  degraded: "Degraded",
  healthy: "Healthy",
  idle: "No attempts yet",
  disabled: "Disabled",
};

/** The last attempt in a few words: "HTTP 500", "timed out", "delivered". */
function lastWords(last: NonNullable<EndpointHealth["last"]>): string {
  if (last.outcome === "success") return `HTTP ${last.status}`;
  if (last.status) return `HTTP ${last.status}`;
  return (last.errorKind ?? "failed").replace(/_/g, " ");
}

/** An application's endpoints with their filter and health, unhealthy first (portal and widget). */
export function EndpointList({
  endpoints,
  href,
  empty,
}: {
  endpoints: {
    id: string;
    url: string;
    description: string;
    disabled: boolean;
    disabledReason: string | null;
    eventTypes: string[];
    health: EndpointHealth | null;
  }[];
  href: (endpointId: string) => string;
  empty: string;
}) {
  if (endpoints.length === 0) return <p className="mb-4 text-sm text-zinc-500 dark:text-zinc-400">{empty}</p>;
  return (
    <ul className="mb-6 divide-y divide-zinc-200 dark:divide-zinc-800" data-testid="endpoint-list">
      {endpoints.map((ep) => {
        const h = ep.health;
        const state = ep.disabled ? "disabled" : (h?.state ?? "idle");
        return (
          <li key={ep.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
            <div className="min-w-0">
              <Link
                href={href(ep.id)}
                className="break-all font-medium text-brand-600 dark:text-brand-300 hover:underline"
              >
                {ep.url}
              </Link>
              {ep.description ? (
                <p className="text-sm text-zinc-600 dark:text-zinc-400">{ep.description}</p>
              ) : null}
              <p className="text-xs text-zinc-500 dark:text-zinc-400">
                {ep.eventTypes.length ? ep.eventTypes.join(", ") : "All event types"}
              </p>
            </div>
            <div className="text-right text-xs text-zinc-600 dark:text-zinc-400">
              <span
                className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${TONE[state]}`}
                title={ep.disabled ? (ep.disabledReason ?? "") : undefined}
              >
                {LABEL[state]}
              </span>
              {state === "failing" && h?.failingSince ? (
                <p>
                  {h.consecutiveFailures} failures in a row since{" "}
                  <RelativeTime iso={h.failingSince.toISOString()} />
                </p>
              ) : null}
              {h && h.successRate !== null ? (
                <p>
                  {h.successRate}% of {h.attempts} attempts succeeded (24 h)
                </p>
              ) : null}
              {h?.last ? (
                <p>
                  Last: {lastWords(h.last)}, <RelativeTime iso={h.last.at.toISOString()} />
                </p>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
