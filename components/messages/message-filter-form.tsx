import { ApplicationFilterSelect } from "@/components/messages/application-filter-select";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { LocalDateTimeInput } from "@/components/ui/local-date-time-input";
import { Select } from "@/components/ui/select";
import { LOG_STATUSES, type MessageLogFilters } from "@/lib/messages/message-log";

/** The message log's filters as a plain GET form (filters live in the URL, so views can be shared). */
export function MessageFilterForm({
  action,
  filters,
  applications,
  endpoints,
  eventTypes,
}: {
  action: string;
  filters: MessageLogFilters;
  /** Absent in the widget, where the application is the token's. */
  applications?: { id: string; name: string }[];
  endpoints: { id: string; url: string }[];
  eventTypes: string[];
}) {
  return (
    <form method="get" action={action} className="grid items-end gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <Field
        id="f-id"
        name="id"
        label="Message or event id"
        placeholder="msg_… or your event id"
        hint="The first characters of a message id are enough."
        defaultValue={filters.id ?? ""}
      />
      {applications ? (
        <ApplicationFilterSelect applications={applications} value={filters.appId ?? ""} />
      ) : null}
      <Select
        id="f-endpoint"
        name="endpoint"
        label="Endpoint"
        defaultValue={filters.endpointId ?? ""}
        options={[
          ["", endpoints.length ? "All endpoints" : "Choose an application first"],
          ...endpoints.map((e): [string, string] => [e.id, e.url]),
        ]}
      />
      <Select
        id="f-event-type"
        name="eventType"
        label="Event type"
        defaultValue={filters.eventType ?? ""}
        options={[["", "All event types"], ...eventTypes.map((n): [string, string] => [n, n])]}
      />
      <Select
        id="f-status"
        name="status"
        label="Delivery status"
        defaultValue={filters.status ?? ""}
        options={[["", "Any status"], ...LOG_STATUSES.map((s): [string, string] => [s, s])]}
      />
      <LocalDateTimeInput id="f-from" name="from" label="From" defaultIso={filters.from?.toISOString()} />
      <LocalDateTimeInput id="f-to" name="to" label="Until" defaultIso={filters.to?.toISOString()} />
      <div className="flex gap-2">
        <Button type="submit">Filter</Button>
        <a
          href={action}
          className="rounded-md px-3 py-2 text-sm text-brand-600 dark:text-brand-300 hover:underline"
        >
          Reset
        </a>
      </div>
    </form>
  );
}
