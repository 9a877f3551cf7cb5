import type { SelectHTMLAttributes } from "react";
import { CONTROL_CLASS, describedBy, FieldShell } from "@/components/ui/field-shell";

/** A labelled drop-down; `options` are [value, label] pairs. */
export function Select({
  label,
  error,
  hint,
  id,
  options,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  error?: string;
  hint?: string;
  id: string;
  options: [value: string, label: string][];
}) {
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        className={CONTROL_CLASS}
        {...props}
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
