import { Button } from "@/components/ui/button";
import { LocalDateTimeInput } from "@/components/ui/local-date-time-input";
import { LOG_STATUSES, type MessageLogFilters } from "@/lib/messages/message-log";

const select =
  "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";

/** The message log's filters as a plain GET form (filters live in the URL, so views can be shared). */
export function MessageFilterForm({
  action,
  filters,
  applications,
  endpoints,
  eventTypes,
  hidden = {},
}: {
  action: string;
  filters: MessageLogFilters;
  applications?: { id: string; name: string }[];
  endpoints: { id: string; url: string }[];
  eventTypes: string[];
  hidden?: Record<string, string>;
}) {
  return (
    <form method="get" action={action} className="grid items-end gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {applications ? (
        <Labelled id="f-app" label="Application">
          <select id="f-app" name="app" defaultValue={filters.appId ?? ""} className={select}>
            <option value="">All applications</option>
            {applications.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </Labelled>
      ) : null}
      <Labelled id="f-endpoint" label="Endpoint">
        <select id="f-endpoint" name="endpoint" defaultValue={filters.endpointId ?? ""} className={select}>
          <option value="">{endpoints.length ? "All endpoints" : "Choose an application first"}</option>
          {endpoints.map((e) => (
            <option key={e.id} value={e.id}>
              {e.url}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled id="f-event-type" label="Event type">
        <select id="f-event-type" name="eventType" defaultValue={filters.eventType ?? ""} className={select}>
          <option value="">All event types</option>
          {eventTypes.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </Labelled>
      <Labelled id="f-status" label="Delivery status">
        <select id="f-status" name="status" defaultValue={filters.status ?? ""} className={select}>
          <option value="">Any status</option>
          {LOG_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </Labelled>
      <LocalDateTimeInput id="f-from" name="from" label="From" defaultIso={filters.from?.toISOString()} />
      <LocalDateTimeInput id="f-to" name="to" label="Until" defaultIso={filters.to?.toISOString()} />
      <div className="flex gap-2">
        <Button type="submit">Filter</Button>
        <a
          href={`${action}${hidden && Object.keys(hidden).length ? `?${new URLSearchParams(hidden)}` : ""}`}
          className="rounded-md px-3 py-2 text-sm text-brand-600 hover:underline"
        >
          Reset
        </a>
      </div>
    </form>
  );
}

function Labelled({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-700 dark:text-zinc-300">
        {label}
      </label>
      {children}
    </div>
  );
}
