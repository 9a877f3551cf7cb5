import Link from "next/link";

/** An application's endpoints with their filter and state (portal and widget). */
export function EndpointList({
  endpoints,
  href,
  empty,
}: {
  endpoints: {
    id: string;
    url: string;
    description: string;
    disabled: boolean;
    disabledReason: string | null;
    eventTypes: string[];
  }[];
  href: (endpointId: string) => string;
  empty: string;
}) {
  if (endpoints.length === 0) return <p className="mb-4 text-sm text-zinc-500">{empty}</p>;
  return (
    <ul className="mb-6 divide-y divide-zinc-200 dark:divide-zinc-800">
      {endpoints.map((ep) => (
        <li key={ep.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
          <div className="min-w-0">
            <Link href={href(ep.id)} className="break-all font-medium text-brand-600 hover:underline">
              {ep.url}
            </Link>
            {ep.description ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">{ep.description}</p>
            ) : null}
            <p className="text-xs text-zinc-500">
              {ep.eventTypes.length ? ep.eventTypes.join(", ") : "All event types"}
            </p>
          </div>
          {ep.disabled ? (
            <span className="text-sm text-amber-600" title={ep.disabledReason ?? ""}>
              Disabled
            </span>
          ) : (
            <span className="text-sm text-emerald-600">Enabled</span>
          )}
        </li>
      ))}
    </ul>
  );
}
