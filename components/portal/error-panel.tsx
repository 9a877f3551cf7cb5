"use client";

import { Button } from "@/components/ui/button";

/**
 * What a page shows when something broke on our side: no stack trace, the reference to quote
 * (Next's digest, which is in the server log next to the error), and a retry.
 */
export function ErrorPanel({ digest, retry }: { digest?: string; retry: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-lg space-y-3 py-16 text-center">
      <h1 className="text-lg font-semibold">Something went wrong on our side</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Nothing you entered was lost. Try again; if it keeps happening, quote
        {digest ? (
          <code className="mx-1 rounded bg-zinc-100 px-1 dark:bg-zinc-800">{digest}</code>
        ) : (
          " the time"
        )}{" "}
        to your operator.
      </p>
      <Button onClick={retry}>Try again</Button>
    </div>
  );
}
