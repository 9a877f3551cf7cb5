"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { TextArea } from "@/components/ui/text-area";
import { attemptInPlainWords } from "@/lib/attempts/plain-words";
import type { CatalogueEntry } from "@/lib/event-types/event-type-catalogue";

type Attempt = {
  outcome: "success" | "failure";
  responseStatusCode: number;
  durationMs: number;
  errorKind: string | null;
  errorMessage: string | null;
} | null;

const exampleOf = (entry: CatalogueEntry | undefined) =>
  entry?.example ?? JSON.stringify({ type: entry?.name ?? "", example: true }, null, 2);

/**
 * Sends an event type's example (or the payload as the user edited it) to the endpoint, then
 * waits for the attempt and shows it.
 */
export function SendTestEvent({
  eventTypes,
  subscribed,
  send,
  result,
}: {
  eventTypes: CatalogueEntry[];
  /** The endpoint's event-type filter (empty: all): the picker starts on one it receives. */
  subscribed: string[];
  send: (eventType: string, payload: string) => Promise<{ messageId?: string; error?: string }>;
  result: (messageId: string) => Promise<Attempt>;
}) {
  const router = useRouter();
  const first =
    eventTypes.find((et) => subscribed.length === 0 || subscribed.includes(et.name)) ?? eventTypes[0];
  const [eventType, setEventType] = useState(first?.name ?? "");
  const [payload, setPayload] = useState(exampleOf(first));
  const [state, setState] = useState<{
    kind: "idle" | "sending" | "waiting" | "error" | "done";
    text?: string;
    attempt?: Attempt;
  }>({ kind: "idle" });
  if (eventTypes.length === 0)
    return (
      <p className="text-sm text-zinc-500 dark:text-zinc-400">
        Add an event type to the catalogue to send a test event.
      </p>
    );
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-2">
        <Select
          id="test-event-type"
          label="Event type"
          value={eventType}
          onChange={(e) => {
            setEventType(e.target.value);
            setPayload(exampleOf(eventTypes.find((et) => et.name === e.target.value)));
          }}
          options={eventTypes.map((et): [string, string] => [
            et.name,
            subscribed.length === 0 || subscribed.includes(et.name) ? et.name : `${et.name} (not subscribed)`,
          ])}
        />
        <Button
          disabled={state.kind === "sending" || state.kind === "waiting"}
          onClick={async () => {
            setState({ kind: "sending" });
            const sent = await send(eventType, payload);
            if (!sent.messageId) return setState({ kind: "error", text: sent.error });
            setState({ kind: "waiting" });
            for (let i = 0; i < 60; i++) {
              const attempt = await result(sent.messageId);
              if (attempt) {
                setState({ kind: "done", attempt });
                // The attempts list below shows it too.
                router.refresh();
                return;
              }
              await new Promise((r) => setTimeout(r, 500));
            }
            setState({ kind: "error", text: "No attempt yet after 30 seconds: is a worker running?" });
          }}
        >
          {state.kind === "sending"
            ? "Sending…"
            : state.kind === "waiting"
              ? "Waiting for the attempt…"
              : "Send test event"}
        </Button>
      </div>
      <TextArea
        id="test-event-payload"
        label="Payload (JSON)"
        hint="The event type's example; edit it to try other values. It is signed and sent as it is here."
        rows={8}
        value={payload}
        onChange={(e) => setPayload(e.target.value)}
        spellCheck={false}
      />
      {state.kind === "error" ? <Alert tone="error">{state.text}</Alert> : null}
      {state.kind === "done" && state.attempt ? (
        <Alert tone={state.attempt.outcome === "success" ? "success" : "error"}>
          <span data-testid="test-event-result">{attemptInPlainWords(state.attempt)}</span>
          <details className="mt-1 text-xs">
            <summary className="cursor-pointer">Technical details</summary>
            <p className="mt-1 font-mono">
              {state.attempt.outcome === "success" ? "Delivered" : "Failed"}: HTTP{" "}
              {state.attempt.responseStatusCode || "—"} in {state.attempt.durationMs} ms
              {state.attempt.errorKind ? ` · ${state.attempt.errorKind}` : ""}
              {state.attempt.errorMessage ? ` · ${state.attempt.errorMessage}` : ""}
            </p>
          </details>
        </Alert>
      ) : null}
    </div>
  );
}
