"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CodeBlock } from "@/components/ui/code-block";
import { Select } from "@/components/ui/select";
import { TextArea } from "@/components/ui/text-area";
import type { CatalogueEntry } from "@/lib/event-types/event-type-catalogue";
import type { TransformationTry, TransformationTryIn } from "@/lib/transformations/try-transformation";

export const TRANSFORMATION_TEMPLATE = `/**
 * Runs before each delivery to this endpoint, in a sandbox (no network, files or timers).
 * webhook: { eventType, payload, url, method ("POST" or "PUT"), headers, cancel }
 * variables: the key=value pairs set below
 */
function handler(webhook, variables) {
  // e.g. webhook.payload = { text: \`\${webhook.eventType}: \${JSON.stringify(webhook.payload)}\` };
  // or webhook.cancel = true to skip this delivery (recorded as cancelled, not failed)
  return webhook;
}
`;

export interface TransformationState {
  code: string | null;
  enabled: boolean;
  variables: Record<string, string>;
}

/** "KEY=value" lines to a record; the first bad line is an error. */
function parseVariables(text: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const [i, line] of text.split("\n").entries()) {
    if (!line.trim()) continue;
    const at = line.indexOf("=");
    if (at <= 0) return `Line ${i + 1}: write variables as NAME=value`;
    out[line.slice(0, at).trim()] = line.slice(at + 1);
  }
  return out;
}

const exampleOf = (entry: CatalogueEntry | undefined) =>
  entry?.example ?? JSON.stringify({ type: entry?.name ?? "example", example: true }, null, 2);

/**
 * The endpoint's transformation: code, variables and whether it runs, saved together; "Test with
 * the example" runs the code as it stands (saved or not) on an event type's example payload in the
 * same sandbox as deliveries and shows what would be sent, or the error a delivery would record.
 */
export function TransformationEditor({
  current,
  eventTypes,
  save,
  tryRun,
}: {
  current: TransformationState;
  eventTypes: CatalogueEntry[];
  save: (next: TransformationState) => Promise<{ error?: string }>;
  tryRun: (input: TransformationTryIn) => Promise<TransformationTry>;
}) {
  const [code, setCode] = useState(current.code ?? TRANSFORMATION_TEMPLATE);
  const [enabled, setEnabled] = useState(current.enabled);
  const [variablesText, setVariablesText] = useState(
    Object.entries(current.variables)
      .map(([k, v]) => `${k}=${v}`)
      .join("\n"),
  );
  const [eventType, setEventType] = useState(eventTypes[0]?.name ?? "example");
  const [payload, setPayload] = useState(exampleOf(eventTypes[0]));
  const [saved, setSaved] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [result, setResult] = useState<TransformationTry | null>(null);
  const [busy, setBusy] = useState<"save" | "try" | null>(null);
  const variables = parseVariables(variablesText);
  const tooLong = code.length > 51_200;

  return (
    <div className="space-y-4">
      <TextArea
        id="transformation-code"
        label="Code (JavaScript)"
        hint={`${code.length.toLocaleString()} of 51,200 characters. Limits per run: 100 ms of CPU, 16 MiB of memory.`}
        error={tooLong ? "The code is over 50 KiB" : undefined}
        rows={16}
        value={code}
        spellCheck={false}
        onChange={(e) => setCode(e.target.value)}
        onKeyDown={(e) => {
          // Tab indents instead of leaving the editor; Escape then Tab leaves it (WCAG 2.1.2).
          if (e.key !== "Tab" || e.shiftKey || e.currentTarget.dataset.escaped) return;
          e.preventDefault();
          const el = e.currentTarget;
          const { selectionStart: start, selectionEnd: end } = el;
          setCode(`${code.slice(0, start)}  ${code.slice(end)}`);
          requestAnimationFrame(() => el.setSelectionRange(start + 2, start + 2));
        }}
        onKeyUp={(e) => {
          if (e.key === "Escape") e.currentTarget.dataset.escaped = "1";
          else if (e.key !== "Tab") delete e.currentTarget.dataset.escaped;
        }}
      />
      <TextArea
        id="transformation-variables"
        label="Variables"
        hint="One NAME=value per line; the handler gets them as its second argument."
        error={typeof variables === "string" ? variables : undefined}
        rows={3}
        value={variablesText}
        spellCheck={false}
        onChange={(e) => setVariablesText(e.target.value)}
      />
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          className="size-6"
          checked={enabled}
          onChange={(e) => setEnabled(e.target.checked)}
        />
        Run it on every delivery to this endpoint
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <Button
          disabled={busy !== null || typeof variables === "string" || tooLong}
          onClick={async () => {
            if (typeof variables === "string") return;
            setBusy("save");
            const out = await save({ code, enabled, variables }).catch(() => ({
              error: "Could not save; reload and try again.",
            }));
            setBusy(null);
            setSaved(
              out.error
                ? { tone: "error", text: out.error }
                : {
                    tone: "success",
                    text: enabled ? "Saved. It runs on the next delivery." : "Saved (off).",
                  },
            );
          }}
        >
          {busy === "save" ? "Saving…" : "Save transformation"}
        </Button>
      </div>
      {saved ? (
        <Alert tone={saved.tone}>
          <span>{saved.text}</span>
        </Alert>
      ) : null}

      <div className="space-y-3 border-t border-zinc-200 pt-4 dark:border-zinc-800">
        <h3 className="font-medium">Test with an example payload</h3>
        <div className="flex flex-wrap items-end gap-2">
          {eventTypes.length ? (
            <Select
              id="transformation-event-type"
              label="Event type"
              value={eventType}
              onChange={(e) => {
                setEventType(e.target.value);
                setPayload(exampleOf(eventTypes.find((et) => et.name === e.target.value)));
              }}
              options={eventTypes.map((et): [string, string] => [et.name, et.name])}
            />
          ) : null}
          <Button
            variant="secondary"
            disabled={busy !== null || typeof variables === "string" || tooLong}
            onClick={async () => {
              if (typeof variables === "string") return;
              setBusy("try");
              setResult(
                await tryRun({ code, variables, eventType, payload }).catch(
                  (): TransformationTry => ({ ok: false, error: "Could not run it; reload and try again." }),
                ),
              );
              setBusy(null);
            }}
          >
            {busy === "try" ? "Running…" : "Test with the example"}
          </Button>
        </div>
        <TextArea
          id="transformation-payload"
          label="Example payload (JSON)"
          rows={6}
          value={payload}
          spellCheck={false}
          onChange={(e) => setPayload(e.target.value)}
        />
        <TryResult result={result} />
      </div>
    </div>
  );
}

function TryResult({ result }: { result: TransformationTry | null }) {
  if (!result) return null;
  if (!result.ok)
    return (
      <Alert tone="error">
        <span data-testid="transformation-result">{result.error}</span>
        <span className="mt-1 block text-xs">A delivery would record this as a failed attempt.</span>
      </Alert>
    );
  if (result.cancel)
    return (
      <Alert tone="info">
        <span data-testid="transformation-result">
          Cancelled: this delivery would not be sent (recorded as cancelled, not failed).
        </span>
      </Alert>
    );
  let body = result.body;
  try {
    body = JSON.stringify(JSON.parse(result.body), null, 2);
  } catch {
    // not JSON: shown as it would be sent
  }
  return (
    <div className="space-y-2" data-testid="transformation-result">
      <p className="text-sm">
        Would send <span className="font-mono">{result.method}</span>{" "}
        <span className="break-all font-mono">{result.url}</span> ({result.ms} ms), signed as it is here:
      </p>
      {Object.keys(result.headers).length ? (
        <CodeBlock className="overflow-auto rounded-md bg-zinc-100 p-3 text-xs dark:bg-zinc-950">
          {Object.entries(result.headers)
            .map(([k, v]) => `${k}: ${v}`)
            .join("\n")}
        </CodeBlock>
      ) : null}
      <CodeBlock className="max-h-80 overflow-auto rounded-md bg-zinc-950 p-3 text-xs text-zinc-100">
        {body}
      </CodeBlock>
    </div>
  );
}
