import { z } from "zod";
import { LOG_STATUSES, type MessageLogFilters } from "@/lib/messages/message-log";

// Anything malformed (too long, U+0000, a date PostgreSQL cannot hold) is dropped, not an error.
const text = z
  .string()
  .trim()
  .max(256)
  .refine((v) => !v.includes("\u0000"))
  .optional()
  .transform((v) => v || undefined)
  .catch(undefined);
const instant = z
  .string()
  .optional()
  .transform((v) => (v ? new Date(v) : undefined))
  .refine(
    (d) => d === undefined || (d.getUTCFullYear() >= 1970 && d.getUTCFullYear() <= 9999),
    "is not a date",
  )
  .catch(undefined);

const filters = z.object({
  id: text,
  app: text,
  endpoint: text,
  eventType: text,
  status: z.enum(LOG_STATUSES).optional().catch(undefined),
  from: instant,
  to: instant,
  before: text,
  after: text,
});

/** The message log's URL query as filters; anything malformed is ignored rather than an error page. */
export function logFilters(query: Record<string, string | string[] | undefined>): MessageLogFilters {
  const single = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const f = filters.parse(single);
  return {
    id: f.id,
    appId: f.app,
    endpointId: f.endpoint,
    eventType: f.eventType,
    status: f.status,
    from: f.from,
    to: f.to,
    before: f.before,
    after: f.after,
  };
}

/** Why the filters can match nothing whatever the data (a range that ends before it starts), or null. */
export function impossibleFilters(f: MessageLogFilters): string | null {
  if (f.from && f.to && f.from >= f.to)
    return "This range is empty: “From” is not before “Until”. Swap them or widen the range.";
  return null;
}

/** The log URL for a neighbouring page: the current filters (minus `drop`) plus the cursor. */
export function logPageHref(
  base: string,
  query: Record<string, string | string[] | undefined>,
  cursor: { before?: string; after?: string },
  drop: string[] = [],
): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (typeof v === "string" && k !== "before" && k !== "after" && !drop.includes(k)) params.set(k, v);
  for (const [k, v] of Object.entries(cursor)) if (v) params.set(k, v);
  return `${base}?${params}`;
}
