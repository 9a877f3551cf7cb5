import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import { attemptInPlainWords } from "@/lib/attempts/plain-words";
import type { endpointOverview } from "@/lib/endpoints/endpoint-overview";
import type { AttemptFilter } from "@/lib/endpoints/endpoint-page-query";

type Attempt = Awaited<ReturnType<typeof endpointOverview>>["attempts"][number];

/** What the Attempts tab is showing, in words ("Failed attempts with HTTP 500, 10:00–10:30"). */
export function describeFilter(filter: AttemptFilter): string | null {
  const parts: string[] = [];
  if (filter.outcome) parts.push(filter.outcome === "success" ? "successful" : "failed");
  if (filter.statusCode !== undefined)
    parts.push(filter.statusCode === 0 ? "with no response" : `with HTTP ${filter.statusCode}`);
  if (!parts.length && !filter.from && !filter.until) return null;
  return parts.join(" ");
}

/** An endpoint's attempts, newest first, each result in plain words with the code beside it. */
export function EndpointAttempts({
  attempts,
  filter,
  message,
  clearHref,
}: {
  attempts: Attempt[];
  filter: AttemptFilter;
  message: (id: string) => string;
  clearHref: string;
}) {
  const described = describeFilter(filter);
  return (
    <div className="space-y-3">
      {described !== null ? (
        <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="attempt-filter">
          <span>
            Showing {described || "all"} attempts
            {filter.from ? (
              <>
                {" "}
                from <time dateTime={filter.from.toISOString()}>{filter.from.toLocaleString()}</time>
              </>
            ) : null}
            {filter.until ? (
              <>
                {" "}
                until <time dateTime={filter.until.toISOString()}>{filter.until.toLocaleString()}</time>
              </>
            ) : null}
            .
          </span>
          <Link href={clearHref} className="text-brand-600 underline dark:text-brand-300">
            Show all attempts
          </Link>
        </p>
      ) : null}
      {attempts.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          {described !== null ? "No attempts match." : "No attempts yet. Send a test event to see one here."}
        </p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="endpoint-attempts">
            <thead className="text-xs uppercase text-zinc-500 dark:text-zinc-400">
              <tr>
                <th className="py-2 pr-3">When</th>
                <th className="py-2 pr-3">Message</th>
                <th className="py-2 pr-3">Result</th>
                <th className="py-2 pr-3">Trigger</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {attempts.map((a) => (
                <tr key={a.id}>
                  <td className="whitespace-nowrap py-2 pr-3">
                    <RelativeTime iso={a.createdAt.toISOString()} />
                  </td>
                  <td className="py-2 pr-3 font-mono text-xs">
                    <Link
                      href={message(a.messageId)}
                      className="text-brand-600 hover:underline dark:text-brand-300"
                    >
                      {a.messageId}
                    </Link>
                  </td>
                  <td
                    className={`py-2 pr-3 ${a.outcome === "success" ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}`}
                  >
                    {attemptInPlainWords(a)}
                  </td>
                  <td className="py-2 pr-3">{a.trigger}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
