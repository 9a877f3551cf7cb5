const tones: Record<string, string> = {
  succeeded: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  failed: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
  parked: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  pending: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  sending: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300",
  canceled: "bg-zinc-100 text-zinc-500 line-through dark:bg-zinc-800 dark:text-zinc-400",
};

/** A delivery's state as a small coloured label (the colour is never the only signal). */
export function DeliveryStatusBadge({ status, label }: { status: string; label?: string }) {
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${tones[status] ?? ""}`}>
      {label ?? status}
    </span>
  );
}

/** The endpoint a delivery belongs to, short: host and path, at most 40 characters. */
export function shortEndpoint(url: string): string {
  let short = url;
  try {
    const u = new URL(url);
    short = `${u.host}${u.pathname === "/" ? "" : u.pathname}`;
  } catch {}
  return short.length > 40 ? `${short.slice(0, 39)}…` : short;
}
