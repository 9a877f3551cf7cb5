"use client";

import { useEffect, useState } from "react";
import { RequestDetails } from "@/components/inspector/request-details";
import { Alert } from "@/components/ui/alert";
import { CodeBlock } from "@/components/ui/code-block";
import { RelativeTime } from "@/components/ui/relative-time";
import type { InspectorRequestOut } from "@/lib/inspector/list-requests";

export interface InspectorActions {
  checkSignature: (requestId: string, endpointId: string) => Promise<{ valid?: boolean; error?: string }>;
  replay: (
    requestId: string,
    url: string,
  ) => Promise<{
    ok?: boolean;
    status?: number;
    durationMs?: number;
    responseBody?: string;
    error?: string | null;
  }>;
}

const KEPT = 1000;

/**
 * An inspector's requests as they arrive (server-sent events from /inspector/{id}/events; the
 * browser reconnects by itself and resumes after the last id it saw), newest first, and the one
 * selected in full. It follows the newest until one is chosen.
 */
export function InspectorLive({
  inspectorId,
  url,
  initial,
  endpoints,
  defaultEndpointId,
  actions,
}: {
  inspectorId: string;
  url: string;
  initial: InspectorRequestOut[];
  endpoints: [id: string, label: string][];
  defaultEndpointId: string | null;
  actions: InspectorActions;
}) {
  const [requests, setRequests] = useState(initial);
  const [chosen, setChosen] = useState<string | null>(null);
  const [connection, setConnection] = useState<"connecting" | "live" | "retrying">("connecting");
  const [problem, setProblem] = useState<string | null>(null);
  const newestInitial = initial[0]?.id;

  useEffect(() => {
    const source = new EventSource(
      `/inspector/${inspectorId}/events${newestInitial ? `?after=${encodeURIComponent(newestInitial)}` : ""}`,
    );
    source.onopen = () => setConnection("live");
    source.onerror = () => setConnection("retrying");
    source.addEventListener("request", (event) => {
      const request = JSON.parse((event as MessageEvent<string>).data) as InspectorRequestOut;
      setRequests((list) =>
        list.some((r) => r.id === request.id) ? list : [request, ...list].slice(0, KEPT),
      );
      setProblem(null);
    });
    source.addEventListener("problem", (event) =>
      setProblem((JSON.parse((event as MessageEvent<string>).data) as { message: string }).message),
    );
    return () => source.close();
  }, [inspectorId, newestInitial]);

  const selected = requests.find((r) => r.id === chosen) ?? requests[0] ?? null;
  return (
    <div className="space-y-3">
      <p
        className="flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400"
        data-testid="live-state"
      >
        <span
          aria-hidden
          className={`inline-block size-2 rounded-full ${connection === "live" ? "bg-emerald-500" : "bg-amber-500"}`}
        />
        {connection === "live"
          ? "Live: new requests appear here as they arrive."
          : connection === "connecting"
            ? "Connecting…"
            : "Connection lost; reconnecting…"}
      </p>
      {problem ? <Alert tone="error">{problem}</Alert> : null}
      {requests.length === 0 ? (
        <div className="space-y-2 rounded-md border border-dashed border-zinc-300 p-6 text-sm dark:border-zinc-700">
          <p>Nothing received yet. Point an endpoint at the URL above, or try:</p>
          <CodeBlock className="overflow-auto rounded-md bg-zinc-950 p-3 text-xs text-zinc-100">
            {`curl -X POST '${url}' -H 'content-type: application/json' -d '{"hello":"world"}'`}
          </CodeBlock>
        </div>
      ) : (
        <div className="grid gap-4 lg:grid-cols-[18rem_minmax(0,1fr)]">
          <ol
            aria-label="Requests received"
            className="max-h-[36rem] space-y-1 overflow-y-auto"
            data-testid="requests"
          >
            {requests.map((r) => (
              <li key={r.id}>
                <button
                  type="button"
                  aria-current={selected?.id === r.id ? "true" : undefined}
                  onClick={() => setChosen(r.id)}
                  className={`w-full rounded-md px-3 py-2 text-left text-sm ${
                    selected?.id === r.id
                      ? "bg-brand-50 dark:bg-zinc-800"
                      : "hover:bg-zinc-100 dark:hover:bg-zinc-800/60"
                  }`}
                >
                  <span className="font-mono font-semibold">{r.method}</span>{" "}
                  <span className="break-all font-mono text-xs">
                    {r.path}
                    {r.query ? `?${r.query}` : ""}
                  </span>
                  <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                    <RelativeTime iso={r.receivedAt} />
                    {r.headers["webhook-id"] ? ` · ${r.headers["webhook-id"]}` : ""}
                  </span>
                </button>
              </li>
            ))}
          </ol>
          {selected ? (
            <RequestDetails
              key={selected.id}
              request={selected}
              url={url}
              endpoints={endpoints}
              defaultEndpointId={defaultEndpointId}
              actions={actions}
            />
          ) : null}
        </div>
      )}
    </div>
  );
}
