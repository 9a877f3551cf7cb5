"use client";

/** A header checkbox that checks or clears every `name` checkbox of the form `form`. */
export function SelectAllCheckbox({ form, name, label }: { form: string; name: string; label: string }) {
  return (
    <input
      type="checkbox"
      aria-label={label}
      className="size-6"
      onChange={(e) => {
        const target = document.getElementById(form);
        if (!(target instanceof HTMLFormElement)) return;
        for (const box of target.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name="${name}"]`))
          box.checked = e.currentTarget.checked;
      }}
    />
  );
}
