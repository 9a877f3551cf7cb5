/** The payload recharts hands a custom tooltip. */
interface TooltipProps {
  active?: boolean;
  label?: unknown;
  payload?: readonly { name?: unknown; value?: unknown; color?: string }[];
}

/** The charts' own tooltip: readable in light and dark, values with their unit, empty series left out. */
export function ChartTooltip({
  active,
  label,
  payload,
  title,
  unit = "",
}: TooltipProps & { title: (label: unknown) => string; unit?: string }) {
  if (!active || !payload?.length) return null;
  const rows = payload.filter((p) => p.value !== null && p.value !== undefined);
  return (
    <div className="rounded-md border border-zinc-200 bg-white px-3 py-2 text-xs text-zinc-900 shadow-lg dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100">
      <p className="mb-1 font-medium">{title(label)}</p>
      {rows.length === 0 ? <p>No attempts</p> : null}
      {rows.map((p) => (
        <p key={String(p.name)} className="flex items-center gap-2">
          <span aria-hidden className="inline-block size-2 rounded-full" style={{ background: p.color }} />
          {String(p.name)}: {String(p.value)}
          {unit}
        </p>
      ))}
    </div>
  );
}

/** Legend labels in the text colour (recharts paints them in the series colour, too faint on dark). */
export function legendText(value: unknown) {
  return <span className="text-zinc-700 dark:text-zinc-300">{String(value)}</span>;
}
