"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";

/** A destructive action behind a second, explicit click ("Delete" → "Yes, delete" / "Cancel"). */
export function ConfirmButton({
  action,
  label,
  confirmLabel,
  question,
  quiet = false,
}: {
  action: () => Promise<void>;
  label: string;
  confirmLabel: string;
  question: string;
  /** Outlined rather than filled, where deleting is not what the page is for. */
  quiet?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  const [pending, start] = useTransition();
  if (!asking) {
    return (
      <Button type="button" variant={quiet ? "dangerQuiet" : "danger"} onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <div role="alertdialog" aria-label={question} className="flex flex-wrap items-center gap-2">
      <span className="text-sm">{question}</span>
      <Button
        type="button"
        variant="danger"
        disabled={pending}
        onClick={() => start(() => action())}
        autoFocus
      >
        {pending ? "Working…" : confirmLabel}
      </Button>
      <Button type="button" variant="secondary" onClick={() => setAsking(false)}>
        Cancel
      </Button>
    </div>
  );
}
