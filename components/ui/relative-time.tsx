"use client";

import { useEffect, useState } from "react";

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 31_536_000],
  ["month", 2_592_000],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
  ["second", 1],
];

/** A time in the viewer's own zone, with a relative hint ("3 minutes ago"). */
export function RelativeTime({ iso }: { iso: string }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => setNow(Date.now()), []);
  const date = new Date(iso);
  const absolute = date.toLocaleString();
  if (now === null) return <time dateTime={iso}>{iso.slice(0, 16).replace("T", " ")}</time>;
  const seconds = Math.round((date.getTime() - now) / 1000);
  const [unit, size] = units.find(([, s]) => Math.abs(seconds) >= s) ?? ["second", 1];
  const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" }).format(
    Math.round(seconds / size),
    unit,
  );
  return (
    <time dateTime={iso} title={absolute}>
      {relative}
    </time>
  );
}
