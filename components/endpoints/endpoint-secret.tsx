"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

export function EndpointSecret({
  reveal,
  rotate,
}: {
  reveal: () => Promise<string>;
  /** Absent for read-only viewers. */
  rotate?: () => Promise<{ previousValidUntil: string }>;
}) {
  const [secret, setSecret] = useState<string | null>(null);
  const [rotatedUntil, setRotatedUntil] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <code
          data-testid="endpoint-secret"
          className="break-all rounded bg-zinc-100 px-2 py-1 font-mono text-xs dark:bg-zinc-950"
        >
          {secret ?? "whsec_••••••••••••••••••••••••"}
        </code>
        {secret ? (
          <>
            <CopyButton value={secret} />
            <Button variant="ghost" onClick={() => setSecret(null)}>
              Hide
            </Button>
          </>
        ) : (
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => start(async () => setSecret(await reveal()))}
          >
            Reveal
          </Button>
        )}
        {rotate ? (
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => {
              if (!window.confirm("Rotate the signing secret? The current one stays valid for 24 hours."))
                return;
              start(async () => {
                const { previousValidUntil } = await rotate();
                setRotatedUntil(previousValidUntil);
                setSecret(await reveal());
              });
            }}
          >
            Rotate
          </Button>
        ) : null}
      </div>
      {rotatedUntil ? (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          Rotated. The previous secret keeps signing until {new Date(rotatedUntil).toLocaleString()}.
        </p>
      ) : null}
    </div>
  );
}
