import type { TextareaHTMLAttributes } from "react";
import { CONTROL_CLASS, describedBy, FieldShell } from "@/components/ui/field-shell";

/** A labelled multi-line input in a monospace face; `error` is announced with the field. */
export function TextArea({
  label,
  error,
  hint,
  id,
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & {
  label: string;
  error?: string;
  hint?: string;
  id: string;
}) {
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        className={`${CONTROL_CLASS} font-mono text-xs`}
        {...props}
      />
    </FieldShell>
  );
}
