"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";

/** Resends a message to one endpoint now and says so (or why it could not). */
export function ResendButton({
  resend,
  label,
}: {
  resend: () => Promise<{ error?: string }>;
  label: string;
}) {
  const [pending, start] = useTransition();
  const [note, setNote] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        type="button"
        variant="secondary"
        aria-label={label}
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await resend();
            setNote(result.error ?? "Resent: a new attempt is on its way.");
          })
        }
      >
        {pending ? "Resending…" : "Resend"}
      </Button>
      {note ? (
        <span role="status" className="text-xs text-zinc-500">
          {note}
        </span>
      ) : null}
    </span>
  );
}
