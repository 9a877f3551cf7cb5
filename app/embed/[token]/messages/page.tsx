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
      select: { id: true, url: true },
    }),
    eventTypeCatalogue(access.tenantId, access.featureFlags),
  ]);
  const base = `/embed/${token}/messages`;
  const pageHref = (cursor: { before?: string; after?: string }) => logPageHref(base, query, cursor, ["app"]);
  return (
    <div className="space-y-4">
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
