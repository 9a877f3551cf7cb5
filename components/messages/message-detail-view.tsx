import Link from "next/link";
import { DeliveryStatusBadge } from "@/components/messages/delivery-status-badge";
import { ResendButton } from "@/components/messages/resend-button";
import { Card } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import { RelativeTime } from "@/components/ui/relative-time";
import type { messageDetail } from "@/lib/messages/message-detail";

/**
 * A message: its payload, where it stands at each endpoint (with "Resend" when allowed), and
 * every attempt with request headers (secrets redacted), response and error.
 */
export function MessageDetailView({
  detail,
  resend,
  endpointHref,
}: {
  detail: Awaited<ReturnType<typeof messageDetail>>;
  /** Absent for read-only viewers. */
  resend?: (endpointId: string) => Promise<{ error?: string }>;
  /** An endpoint's page (where a disabled one is enabled). */
  endpointHref: (endpointId: string) => string;
}) {
  const { message, deliveries, attempts } = detail;
  // A raw (non-JSON) payload is shown as sent.
  const payload =
    message.rawPayload ?? (message.payload === null ? null : JSON.stringify(message.payload, null, 2));
  const urlOf = new Map(deliveries.map((d) => [d.endpoint.id, d.endpoint.url]));
  return (
    <div className="space-y-6">
      <Card title="Payload" actions={payload ? <CopyButton value={payload} label="Copy payload" /> : null}>
        <dl className="mb-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-zinc-500 dark:text-zinc-400">Event type</dt>
          <dd className="font-mono">{message.eventType}</dd>
          {message.eventId ? (
            <>
              <dt className="text-zinc-500 dark:text-zinc-400">Event id</dt>
              <dd className="font-mono">{message.eventId}</dd>
            </>
          ) : null}
          <dt className="text-zinc-500 dark:text-zinc-400">Sent</dt>
          <dd>
            <RelativeTime iso={message.createdAt.toISOString()} />
          </dd>
          {message.deliverAt ? (
            <>
              <dt className="text-zinc-500 dark:text-zinc-400">Scheduled for</dt>
              <dd data-testid="message-scheduled">
                <RelativeTime iso={message.deliverAt.toISOString()} />
              </dd>
            </>
          ) : null}
          {message.contentType ? (
            <>
              <dt className="text-zinc-500 dark:text-zinc-400">Content type</dt>
              <dd className="font-mono">{message.contentType}</dd>
            </>
          ) : null}
          {message.channels.length ? (
            <>
              <dt className="text-zinc-500 dark:text-zinc-400">Channels</dt>
              <dd>{message.channels.join(", ")}</dd>
            </>
          ) : null}
        </dl>
        {payload ? (
          <CodeBlock
            data-testid="message-payload"
            className="max-h-96 overflow-auto rounded-md bg-zinc-950 p-3 text-xs text-zinc-100"
          >
            {payload}
          </CodeBlock>
        ) : (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">
            The content was removed (retention or on request); the log remains.
          </p>
        )}
      </Card>
      <Card title="Endpoints">
        {deliveries.length === 0 ? (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">
            No endpoint was subscribed to this message.
          </p>
        ) : (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {deliveries.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <span className="min-w-0 break-all">
                  <DeliveryStatusBadge status={d.status} /> {d.endpoint.url}
                  <span className="text-zinc-500 dark:text-zinc-400">
                    {" "}
                    · {d.attemptCount} attempt{d.attemptCount === 1 ? "" : "s"}
                    {d.nextAttemptAt ? (
                      <>
                        {" "}
                        · next <RelativeTime iso={d.nextAttemptAt.toISOString()} />
                      </>
                    ) : null}
                  </span>
                </span>
                {d.endpoint.disabled ? (
                  // Nothing would be sent to a disabled endpoint: say so, and where to enable it.
                  <span
                    className="text-xs text-amber-800 dark:text-amber-300"
                    data-testid="disabled-endpoint"
                  >
                    Endpoint disabled: nothing is sent.{" "}
                    <Link href={endpointHref(d.endpoint.id)} className="font-medium underline">
                      Enable it
                    </Link>
                    , then its parked messages can be sent.
                  </span>
                ) : resend ? (
                  <ResendButton
                    resend={resend.bind(null, d.endpoint.id)}
                    label={`Resend to ${d.endpoint.url}`}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={`Attempts (${attempts.length})`}>
        {attempts.length === 0 ? (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">No attempts yet.</p>
        ) : (
          <ol className="space-y-2">
            {attempts.map((a) => (
              <li key={a.id} className="rounded-md border border-zinc-200 dark:border-zinc-800">
                <details>
                  <summary className="flex cursor-pointer flex-wrap items-center gap-x-4 gap-y-1 px-3 py-2 text-sm">
                    <span
                      className={
                        a.outcome === "success"
                          ? "text-emerald-700 dark:text-emerald-400"
                          : "text-red-700 dark:text-red-400"
                      }
                    >
                      {a.outcome === "success" ? "✓ Succeeded" : "✗ Failed"}
                    </span>
                    <span>HTTP {a.responseStatusCode || "—"}</span>
                    <span>{a.durationMs} ms</span>
                    {a.errorKind ? <span className="font-mono text-xs">{a.errorKind}</span> : null}
                    <span className="break-all text-zinc-500 dark:text-zinc-400">
                      {urlOf.get(a.endpointId) ?? a.url}
                    </span>
                    <span className="text-zinc-500 dark:text-zinc-400">
                      {a.trigger === "manual" ? "manual" : "scheduled"}
                    </span>
                    <span className="ml-auto text-zinc-500 dark:text-zinc-400">
                      <RelativeTime iso={a.createdAt.toISOString()} />
                    </span>
                  </summary>
                  <div className="grid gap-4 border-t border-zinc-200 p-3 text-xs md:grid-cols-2 dark:border-zinc-800">
                    <section>
                      <h3 className="mb-1 font-semibold">Request headers</h3>
                      {a.requestHeaders ? (
                        <CodeBlock
                          data-testid="request-headers"
                          className="overflow-auto rounded bg-zinc-100 p-2 dark:bg-zinc-800"
                        >
                          {Object.entries(a.requestHeaders)
                            .map(([k, v]) => `${k}: ${v}`)
                            .join("\n")}
                        </CodeBlock>
                      ) : (
                        <p className="text-zinc-500 dark:text-zinc-400">Not recorded for this attempt.</p>
                      )}
                    </section>
                    <section>
                      <h3 className="mb-1 font-semibold">Response</h3>
                      {a.errorMessage ? (
                        <p className="mb-1 text-red-700 dark:text-red-400">{a.errorMessage}</p>
                      ) : null}
                      <CodeBlock className="max-h-64 overflow-auto rounded bg-zinc-100 p-2 dark:bg-zinc-800">
                        {a.response === null ? "(removed by retention)" : a.response || "(empty body)"}
                      </CodeBlock>
                      {a.batchId ? (
                        <p className="mt-1 text-zinc-500 dark:text-zinc-400">Sent in batch {a.batchId}</p>
                      ) : null}
                    </section>
                  </div>
                </details>
              </li>
            ))}
          </ol>
        )}
      </Card>
    </div>
  );
}
