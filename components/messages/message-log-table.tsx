import Link from "next/link";
import { DeliveryStatusBadge, shortEndpoint } from "@/components/messages/delivery-status-badge";
import { Alert } from "@/components/ui/alert";
import { RelativeTime } from "@/components/ui/relative-time";
import { DELIVERY_STATUS_MEANINGS, deliveryLabel } from "@/lib/messages/delivery-status";
import type { messageLog } from "@/lib/messages/message-log";

/** One page of the message log with links to each message and to the neighbouring pages. */
export function MessageLogTable({
  log,
  href,
  showApplication,
  problem,
}: {
  log: Awaited<ReturnType<typeof messageLog>>;
  /** Why these filters can match nothing (shown instead of "no messages"). */
  problem?: string | null;
  href: {
    message: (appId: string, msgId: string) => string;
    page: (cursor: { before?: string; after?: string }) => string;
  };
  showApplication: boolean;
}) {
  if (problem) return <Alert tone="error">{problem}</Alert>;
  if (log.messages.length === 0) {
    return <p className="text-sm text-zinc-500 dark:text-zinc-400">No messages match these filters.</p>;
  }
  return (
    <div className="space-y-4">
      <div className="relative overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase text-zinc-500 dark:text-zinc-400">
            <tr>
              <th className="py-2 pr-3">Message</th>
              {showApplication ? <th className="py-2 pr-3">Application</th> : null}
              <th className="py-2 pr-3">Event type</th>
              <th className="py-2 pr-3">Deliveries</th>
              <th className="py-2">Sent</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {log.messages.map((m) => (
              <tr key={m.id}>
                <td className="py-2 pr-3 font-mono text-xs">
                  <Link
                    href={href.message(m.application.id, m.id)}
                    className="text-brand-600 dark:text-brand-300 hover:underline"
                  >
                    {m.id}
                  </Link>
                </td>
                {showApplication ? <td className="py-2 pr-3">{m.application.name}</td> : null}
                <td className="py-2 pr-3 font-mono text-xs">{m.eventType}</td>
                <td className="py-2 pr-3">
                  {m.deliveries.length === 0 ? (
                    <span className="text-zinc-500 dark:text-zinc-400">no endpoint</span>
                  ) : (
                    <ul className="space-y-1">
                      {m.deliveries.map((d) => (
                        <li
                          key={d.id}
                          className="flex flex-wrap items-center gap-1.5 text-xs"
                          title={d.endpoint.url}
                        >
                          <DeliveryStatusBadge status={d.status} label={deliveryLabel(d)} />
                          <span className="text-zinc-600 dark:text-zinc-400">
                            {shortEndpoint(d.endpoint.url)}
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="py-2">
                  <RelativeTime iso={m.createdAt.toISOString()} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="text-xs text-zinc-600 dark:text-zinc-400">
        <summary className="cursor-pointer py-1">What the delivery states mean</summary>
        <dl className="mt-1 grid gap-x-3 gap-y-1 sm:grid-cols-[auto_1fr]" data-testid="status-legend">
          {DELIVERY_STATUS_MEANINGS.map(([status, meaning]) => (
            <div key={status} className="contents">
              <dt>
                <DeliveryStatusBadge status={status} />
              </dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
      </details>
      <nav aria-label="Pages" className="flex justify-between text-sm">
        {log.newer ? (
          <Link
            href={href.page({ after: log.newer })}
            className="text-brand-600 dark:text-brand-300 hover:underline"
          >
            ← Newer
          </Link>
        ) : (
          <span />
        )}
        {log.older ? (
          <Link
            href={href.page({ before: log.older })}
            className="text-brand-600 dark:text-brand-300 hover:underline"
          >
            Older →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
