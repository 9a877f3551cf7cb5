import Link from "next/link";
import { resendToEndpointAction } from "@/app/(portal)/applications/[app_id]/messages/actions";
import {
  recoverAction,
  recoveryProgressAction,
  resendSelectedAction,
} from "@/app/(portal)/dead-letter/actions";
import { BackgroundTasks } from "@/components/dead-letter/background-tasks";
import { RecoverForm } from "@/components/dead-letter/recover-form";
import { ResendButton } from "@/components/messages/resend-button";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import { currentMember } from "@/lib/auth/current-member";
import { deadLetterOverview } from "@/lib/delivery/dead-letter-overview";
import { searchParam } from "@/lib/portal/search-param";
import { listTasks } from "@/lib/tasks/background-task";

export const metadata = { title: "Dead-letter queue" };

export default async function DeadLetterPage({
  searchParams,
}: {
  searchParams: Promise<{ endpoint?: string | string[] }>;
}) {
  const member = await currentMember();
  const endpoint = searchParam((await searchParams).endpoint);
  const [{ deliveries, endpoints }, tasks] = await Promise.all([
    deadLetterOverview(member.tenant.id, { endpointId: endpoint }),
    listTasks(member.tenant.id, { limit: 10, order: "descending" }, {}),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Dead-letter queue</h1>
      <p className="text-sm text-zinc-500 dark:text-zinc-400">
        Deliveries that failed after every retry. Fix the receiver, then resend them.
      </p>
      <Card title="Recover an endpoint">
        <RecoverForm endpoints={endpoints} action={recoverAction} progress={recoveryProgressAction} />
      </Card>
      <Card title="Background tasks">
        <BackgroundTasks tasks={tasks.data} />
      </Card>
      <Card
        title={`Failed deliveries (${deliveries.length}${deliveries.length === 200 ? "+" : ""})`}
        actions={
          <form className="flex min-w-0 max-w-full gap-2">
            <label htmlFor="dlq-endpoint" className="sr-only">
              Filter by endpoint
            </label>
            <select
              id="dlq-endpoint"
              name="endpoint"
              defaultValue={endpoint ?? ""}
              className="min-w-0 max-w-full rounded-md border border-zinc-300 px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-950"
            >
              <option value="">All endpoints</option>
              {endpoints.map((ep) => (
                <option key={ep.id} value={ep.id}>
                  {ep.url}
                </option>
              ))}
            </select>
            <Button type="submit" variant="secondary">
              Filter
            </Button>
          </form>
        }
      >
        {deliveries.length === 0 ? (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">
            Nothing here: every delivery succeeded or is still being retried.
          </p>
        ) : (
          <form action={resendSelectedAction} className="space-y-3">
            <div className="relative overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead className="text-xs uppercase text-zinc-500 dark:text-zinc-400">
                  <tr>
                    <th className="py-2">
                      <span className="sr-only">Select</span>
                    </th>
                    <th className="py-2">Message</th>
                    <th className="py-2">Event type</th>
                    <th className="py-2">Endpoint</th>
                    <th className="py-2">Attempts</th>
                    <th className="py-2">Failed</th>
                    <th className="py-2">
                      <span className="sr-only">Resend</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                  {deliveries.map((d) => (
                    <tr key={d.id}>
                      <td className="py-2">
                        <input
                          type="checkbox"
                          name="delivery"
                          value={`${d.applicationId}:${d.messageId}:${d.endpointId}`}
                          aria-label={`Select ${d.messageId}`}
                          className="size-6"
                        />
                      </td>
                      <td className="py-2 font-mono text-xs">
                        <Link
                          href={`/applications/${d.applicationId}/messages/${d.messageId}`}
                          className="text-brand-600 dark:text-brand-300 hover:underline"
                        >
                          {d.messageId}
                        </Link>
                      </td>
                      <td className="py-2">{d.message.eventType}</td>
                      <td className="max-w-xs truncate py-2">{d.endpoint.url}</td>
                      <td className="py-2">{d.attemptCount}</td>
                      <td className="py-2">
                        <RelativeTime iso={d.updatedAt.toISOString()} />
                      </td>
                      <td className="py-2 text-right">
                        <ResendButton
                          resend={resendToEndpointAction.bind(
                            null,
                            d.applicationId,
                            d.messageId,
                            d.endpointId,
                          )}
                          label={`Resend ${d.messageId} to ${d.endpoint.url}`}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Button type="submit">Resend selected</Button>
          </form>
        )}
      </Card>
    </div>
  );
}
