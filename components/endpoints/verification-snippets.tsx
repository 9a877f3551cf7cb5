"use client";

import { useState } from "react";
import type { KeyKind } from "@/components/endpoints/endpoint-secret";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import { PUBLIC_KEY_PLACEHOLDER } from "@/lib/endpoints/ed25519-snippets";
import { SECRET_PLACEHOLDER, verificationSnippets } from "@/lib/endpoints/verification-snippets";

/** Receiver code per language for the endpoint's kind of key, filled in only when asked for. */
export function VerificationSnippets({ kind, reveal }: { kind: KeyKind; reveal?: () => Promise<string> }) {
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState(0);
  const snippets = verificationSnippets(
    secret ?? (kind === "ed25519" ? PUBLIC_KEY_PLACEHOLDER : SECRET_PLACEHOLDER),
  );
  const current = snippets[tab]!;
  return (
    <div className="space-y-3">
      <div role="tablist" aria-label="Language" className="flex flex-wrap gap-1">
        {snippets.map((s, i) => (
          <button
            key={s.language}
            type="button"
            role="tab"
            id={`snippet-tab-${i}`}
            aria-selected={i === tab}
            aria-controls="snippet-panel"
            onClick={() => setTab(i)}
            className={`rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand-500 ${
              i === tab
                ? "bg-brand-600 text-white"
                : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
            }`}
          >
            {s.language}
          </button>
        ))}
      </div>
      <div id="snippet-panel" role="tabpanel" aria-labelledby={`snippet-tab-${tab}`} className="space-y-2">
        <p className="font-mono text-xs text-zinc-500 dark:text-zinc-400">$ {current.install}</p>
        <CodeBlock className="max-h-80 overflow-auto rounded-md bg-zinc-950 p-3 text-xs text-zinc-100">
          <code>{current.code}</code>
        </CodeBlock>
        <div className="flex flex-wrap gap-2">
          <CopyButton value={current.code} label="Copy code" />
          {secret || !reveal ? null : (
            <Button
              type="button"
              variant="secondary"
              onClick={() =>
                reveal().then(setSecret, () => setError("Could not read the secret; reload and try again."))
              }
            >
              {kind === "ed25519" ? "Fill in my public key" : "Fill in my secret"}
            </Button>
          )}
        </div>
        {error ? <Alert tone="error">{error}</Alert> : null}
      </div>
    </div>
  );
}
