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
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
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
            setNote(
              result.error
                ? { text: result.error, error: true }
                : { text: "Resent: a new attempt is on its way.", error: false },
            );
          })
        }
      >
        {pending ? "Resending…" : "Resend"}
      </Button>
      {note ? (
        <span
          role={note.error ? "alert" : "status"}
          className={`text-xs ${note.error ? "text-red-700 dark:text-red-300" : "text-zinc-600 dark:text-zinc-400"}`}
        >
          {note.text}
        </span>
      ) : null}
    </span>
  );
}
