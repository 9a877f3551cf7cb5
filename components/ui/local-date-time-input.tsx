"use client";

import { useEffect, useState } from "react";

/**
 * A date-time picker in the viewer's own time zone that submits an unambiguous ISO instant
 * (a hidden field named `name`), so the server never guesses the zone.
 */
export function LocalDateTimeInput({
  id,
  name,
  label,
  defaultIso,
}: {
  id: string;
  name: string;
  label: string;
  defaultIso?: string;
}) {
  const [iso, setIso] = useState(defaultIso ?? "");
  const [local, setLocal] = useState("");
  // The local value depends on the browser's zone, so it is computed after hydration.
  useEffect(() => {
    if (!defaultIso) return;
    const d = new Date(defaultIso);
    if (Number.isNaN(d.getTime())) return;
    const pad = (n: number) => String(n).padStart(2, "0");
    setLocal(
      `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`,
    );
  }, [defaultIso]);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-700 dark:text-zinc-300">
        {label}
      </label>
      <input
        id={id}
        type="datetime-local"
        value={local}
        onChange={(e) => {
          setLocal(e.target.value);
          const d = new Date(e.target.value); // a datetime-local value parses in the local zone
          setIso(e.target.value && !Number.isNaN(d.getTime()) ? d.toISOString() : "");
        }}
        className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      />
      <input type="hidden" name={name} value={iso} />
    </div>
  );
}
