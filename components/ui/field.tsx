import type { InputHTMLAttributes, Ref } from "react";
import { CONTROL_CLASS, describedBy, FieldShell } from "@/components/ui/field-shell";

/** A labelled input; `error` is announced to screen readers with the field. */
export function Field({
  label,
  error,
  hint,
  id,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  error?: string;
  hint?: string;
  id: string;
  ref?: Ref<HTMLInputElement>;
}) {
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        className={CONTROL_CLASS}
        {...props}
      />
    </FieldShell>
  );
}
