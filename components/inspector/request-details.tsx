"use client";

import { useEffect, useState } from "react";
import type { InspectorActions } from "@/components/inspector/inspector-live";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { curlCommand } from "@/lib/inspector/curl-command";
import type { InspectorRequestOut } from "@/lib/inspector/list-requests";

function prettyBody(r: InspectorRequestOut): string {
  if (r.bodyEncoding === "base64")
    return `(not text: ${Math.floor((r.body.length * 3) / 4)} bytes, base64)\n${r.body}`;
  try {
    return JSON.stringify(JSON.parse(r.body), null, 2);
  } catch {
    return r.body;
  }
}

/** One recorded request: what came, the signature check, copy as curl, replay to a URL. */
export function RequestDetails({
  request: r,
  url,
  endpoints,
  defaultEndpointId,
  actions,
}: {
  request: InspectorRequestOut;
  url: string;
  endpoints: [id: string, label: string][];
  defaultEndpointId: string | null;
  actions: InspectorActions;
}) {
  const [endpointId, setEndpointId] = useState(defaultEndpointId ?? "");
  const [verdict, setVerdict] = useState<{ valid?: boolean; error?: string } | null>(null);
  const [target, setTarget] = useState("");
  const [replay, setReplay] = useState<Awaited<ReturnType<InspectorActions["replay"]>> | "sending" | null>(
    null,
  );
  const signed = Boolean(r.headers["webhook-signature"] ?? r.headers["svix-signature"]);

  useEffect(() => {
    setVerdict(null);
    if (!signed || !endpointId) return;
    let current = true;
    actions.checkSignature(r.id, endpointId).then(
      (v) => current && setVerdict(v),
      () => current && setVerdict({ error: "Could not check the signature" }),
    );
    return () => {
      current = false;
    };
  }, [r.id, endpointId, signed, actions]);

  const fullUrl = `${url}${r.path === "/" ? "" : r.path}${r.query ? `?${r.query}` : ""}`;
  return (
    <section aria-label="Request" className="min-w-0 space-y-4" data-testid="request-details">
      <div>
        <p className="break-all font-mono text-sm">
          <span className="font-semibold">{r.method}</span> {r.path}
          {r.query ? `?${r.query}` : ""}
        </p>
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          {new Date(r.receivedAt).toLocaleString()}
          {r.clientAddress ? ` · from ${r.clientAddress}` : ""} · {r.id}
        </p>
      </div>

      <div className="space-y-2">
        <h3 className="font-medium">Signature</h3>
        {!signed ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Not signed (no webhook-signature header).
          </p>
        ) : endpoints.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Create an endpoint to check signatures against.
          </p>
        ) : (
          <div className="flex flex-wrap items-end gap-3">
            <Select
              id="signature-endpoint"
              label="Check with the keys of"
              value={endpointId}
              onChange={(e) => setEndpointId(e.target.value)}
              options={[["", "Choose an endpoint"], ...endpoints]}
            />
            <p className="pb-2 text-sm" role="status" data-testid="signature-verdict">
              {verdict?.error
                ? verdict.error
                : verdict?.valid === true
                  ? "✓ Valid signature"
                  : verdict?.valid === false
                    ? "✗ Not valid for this endpoint's keys"
                    : endpointId
                      ? "Checking…"
                      : ""}
            </p>
          </div>
        )}
      </div>

      <div className="space-y-2">
        <h3 className="font-medium">Headers</h3>
        <CodeBlock className="max-h-60 overflow-auto rounded-md bg-zinc-100 p-3 text-xs dark:bg-zinc-950">
          {Object.entries(r.headers)
            .map(([k, v]) => `${k}: ${v}`)
            .join("\n")}
        </CodeBlock>
      </div>
      <div className="space-y-2">
        <h3 className="font-medium">Body</h3>
        <CodeBlock
          className="max-h-96 overflow-auto rounded-md bg-zinc-950 p-3 text-xs text-zinc-100"
          data-testid="request-body"
        >
          {r.body ? prettyBody(r) : "(empty)"}
        </CodeBlock>
      </div>

      <div className="flex flex-wrap gap-2">
        <CopyButton value={curlCommand(r, fullUrl)} label="Copy as curl" />
      </div>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={async (e) => {
          e.preventDefault();
          setReplay("sending");
          setReplay(
            await actions.replay(r.id, target).catch(() => ({ error: "Could not replay the request" })),
          );
        }}
      >
        <div className="min-w-64 flex-1">
          <Field
            id="replay-url"
            label="Replay to URL"
            type="url"
            required
            placeholder="https://staging.example.com/webhooks"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            hint="Sends the same headers and body (its signature too), through the same guard as deliveries."
          />
        </div>
        <Button
          type="submit"
          variant="secondary"
          disabled={replay === "sending" || r.bodyEncoding === "base64"}
        >
          {replay === "sending" ? "Sending…" : "Replay"}
        </Button>
      </form>
      {replay && replay !== "sending" ? (
        <Alert tone={replay.ok ? "success" : "error"}>
          <span data-testid="replay-result">
            {replay.status
              ? `HTTP ${replay.status} in ${replay.durationMs} ms`
              : (replay.error ?? "No response")}
            {replay.status && replay.error ? ` · ${replay.error}` : ""}
          </span>
        </Alert>
      ) : null}
    </section>
  );
}
