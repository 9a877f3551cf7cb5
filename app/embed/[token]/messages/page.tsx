import Link from "next/link";
import { MessageFilterForm } from "@/components/messages/message-filter-form";
import { MessageLogTable } from "@/components/messages/message-log-table";
import { Card } from "@/components/ui/card";
import { db } from "@/lib/db";
import { eventTypeCatalogue } from "@/lib/event-types/event-type-catalogue";
import { impossibleFilters, logFilters, logPageHref } from "@/lib/messages/log-filters";
import { messageLog } from "@/lib/messages/message-log";
import { widgetAccess } from "@/lib/widget/widget-access";

type Query = Record<string, string | string[] | undefined>;

export default async function WidgetMessagesPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Query>;
}) {
  const { token } = await params;
  const access = await widgetAccess(token);
  if (!access) return null; // the layout shows "link expired"
  const query = await searchParams;
  // The application is the token's, whatever the URL says.
  const filters = { ...logFilters(query), appId: access.appId };
  const [log, endpoints, catalogue] = await Promise.all([
    messageLog(access.tenantId, filters),
    db.endpoint.findMany({
      where: { tenantId: access.tenantId, applicationId: access.appId },
      orderBy: { id: "asc" },
      select: {
        id: true,
        url: true,
        // The failed-deliveries view says where to recover them.
        _count: { select: { deliveries: { where: { status: "failed" } } } },
      },
    }),
    eventTypeCatalogue(access.tenantId, access.featureFlags),
  ]);
  const base = `/embed/${token}/messages`;
  const pageHref = (cursor: { before?: string; after?: string }) => logPageHref(base, query, cursor, ["app"]);
  const failing = endpoints.filter((e) => e._count.deliveries > 0);
  return (
    <div className="space-y-4">
      {filters.status === "failed" ? (
        <Card title="Failed deliveries">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Messages your server did not accept after every retry. Fix your server, then recover them from the
            endpoint: they are sent again, in order.
          </p>
          {failing.length ? (
            <ul className="mt-2 space-y-1 text-sm" data-testid="failed-endpoints">
              {failing.map((e) => (
                <li key={e.id}>
                  <Link
                    href={`/embed/${token}/endpoints/${e.id}`}
                    className="break-all text-brand-600 underline dark:text-brand-300"
                  >
                    {e.url}
                  </Link>{" "}
                  · {e._count.deliveries} failed · recover on its Overview
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm">None: every delivery got through or is still being retried.</p>
          )}
        </Card>
      ) : null}
      <Card>
        <MessageFilterForm
          action={base}
          filters={filters}
          endpoints={endpoints}
          eventTypes={catalogue.map((c) => c.name)}
        />
      </Card>
      <Card>
        <MessageLogTable
          log={log}
          problem={impossibleFilters(filters)}
          showApplication={false}
          href={{ message: (_appId, msgId) => `${base}/${msgId}`, page: pageHref }}
        />
      </Card>
    </div>
  );
}
