import Link from "next/link";
import type { ReactNode } from "react";
import { CreateKeyForm } from "@/components/api-keys/create-key-form";
import { Card } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import type { KeyState } from "@/lib/api-keys/key-state";
import type { firstSteps } from "@/lib/tenants/first-steps";

/** The dashboard's first-minute checklist, with a curl that works as it is (and a key to use). */
export function FirstSteps({
  state,
  baseUrl,
  createKey,
}: {
  state: Awaited<ReturnType<typeof firstSteps>>;
  baseUrl: string;
  /** Absent for members, who cannot create keys. */
  createKey?: (prev: KeyState, form: FormData) => Promise<KeyState>;
}) {
  const { app, steps, eventType } = state;
  const appRef = app ? (app.uid ?? app.id) : "<app id or uid>";
  const curl = `curl -X POST ${baseUrl}/api/v1/app/${appRef}/msg \\
  -H "Authorization: Bearer $HOOKLINE_API_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{"eventType": "${eventType}", "payload": {"hello": "world"}}'`;
  const items: [string, boolean, ReactNode][] = [
    [
      "application",
      steps.application,
      <>
        Create an application (one per customer of yours):{" "}
        <Link className="text-brand-600 dark:text-brand-300 underline" href="/applications">
          Applications
        </Link>
      </>,
    ],
    [
      "endpoint",
      steps.endpoint,
      app ? (
        <>
          Add an endpoint, the URL where {app.name} receives events:{" "}
          <Link className="text-brand-600 dark:text-brand-300 underline" href={`/applications/${app.id}`}>
            {app.name}
          </Link>
        </>
      ) : (
        "Add an endpoint, the URL where your customer receives events"
      ),
    ],
    ["message", steps.message, "Send a message with the API (below)"],
    [
      "delivered",
      steps.delivered,
      <>
        See it delivered, signed, in the{" "}
        <Link className="text-brand-600 dark:text-brand-300 underline" href="/messages">
          message log
        </Link>
      </>,
    ],
  ];
  return (
    <Card title="Get started">
      <ol className="mb-4 space-y-2 text-sm" data-testid="first-steps">
        {items.map(([key, done, text], i) => (
          <li key={key} className="flex gap-2">
            <span
              role="img"
              aria-label={done ? "done" : "to do"}
              className={`inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs font-bold ${
                done
                  ? "bg-emerald-700 text-white"
                  : "border border-zinc-500 text-zinc-700 dark:border-zinc-400 dark:text-zinc-200"
              }`}
            >
              {done ? "✓" : i + 1}
            </span>
            <span className={done ? "text-zinc-500 dark:text-zinc-400 line-through" : ""}>{text}</span>
          </li>
        ))}
      </ol>
      <div className="mb-2 flex items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">Send a message</h3>
        <CopyButton value={curl} label="Copy command" />
      </div>
      <CodeBlock
        className="overflow-x-auto rounded-md bg-zinc-950 p-4 text-xs text-zinc-100"
        data-testid="first-curl"
      >
        {curl}
      </CodeBlock>
      {createKey ? (
        <div className="mt-4">
          <h3 className="mb-2 text-sm font-semibold">An API key for $HOOKLINE_API_KEY</h3>
          <CreateKeyForm action={createKey} />
        </div>
      ) : null}
    </Card>
  );
}
