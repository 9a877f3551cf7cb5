import { MessageFilterForm } from "@/components/messages/message-filter-form";
import { MessageLogTable } from "@/components/messages/message-log-table";
import { Card } from "@/components/ui/card";
import { currentMember } from "@/lib/auth/current-member";
import { db } from "@/lib/db";
import { impossibleFilters, logFilters, logPageHref } from "@/lib/messages/log-filters";
import { messageLog } from "@/lib/messages/message-log";

export const metadata = { title: "Messages" };

type Query = Record<string, string | string[] | undefined>;

export default async function MessagesPage({ searchParams }: { searchParams: Promise<Query> }) {
  const member = await currentMember();
  const tenantId = member.tenant.id;
  const query = await searchParams;
  const filters = logFilters(query);
  const [log, applications, endpoints, eventTypes] = await Promise.all([
    messageLog(tenantId, filters),
    db.application.findMany({
      where: { tenantId, internal: false },
      orderBy: { name: "asc" },
      take: 500,
      select: { id: true, name: true },
    }),
    filters.appId
      ? db.endpoint.findMany({
          where: { tenantId, applicationId: filters.appId },
          orderBy: { id: "asc" },
          select: { id: true, url: true },
        })
      : [],
    db.eventType.findMany({ where: { tenantId }, orderBy: { name: "asc" }, select: { name: true } }),
  ]);
  const pageHref = (cursor: { before?: string; after?: string }) => logPageHref("/messages", query, cursor);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Messages</h1>
      <Card>
        <MessageFilterForm
          action="/messages"
          filters={filters}
          applications={applications}
          endpoints={endpoints}
          eventTypes={eventTypes.map((e) => e.name)}
        />
      </Card>
      <Card>
        <MessageLogTable
          log={log}
          problem={impossibleFilters(filters)}
          showApplication
          href={{ message: (appId, msgId) => `/applications/${appId}/messages/${msgId}`, page: pageHref }}
        />
      </Card>
    </div>
  );
}
