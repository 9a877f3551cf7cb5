import Link from "next/link";
import { resendToEndpointAction } from "@/app/(portal)/applications/[app_id]/messages/actions";
import {
  recoverAction,
  recoveryProgressAction,
  resendAllMatchingAction,
  resendSelectedAction,
} from "@/app/(portal)/dead-letter/actions";
import { BackgroundTasks } from "@/components/dead-letter/background-tasks";
import { RecoverForm } from "@/components/dead-letter/recover-form";
import { SelectAllCheckbox } from "@/components/dead-letter/select-all";
import { ResendButton } from "@/components/messages/resend-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import { attemptInPlainWords } from "@/lib/attempts/plain-words";
import { currentMember } from "@/lib/auth/current-member";
import {
  DEAD_LETTER_COUNT_CAP,
  DEAD_LETTER_STATUSES,
  deadLetterOverview,
} from "@/lib/delivery/dead-letter-overview";
import { searchParam } from "@/lib/portal/search-param";
import { listTasks } from "@/lib/tasks/background-task";

export const metadata = { title: "Dead-letter queue" };

type Query = Record<string, string | string[] | undefined>;

const selectClass =
  "min-w-0 max-w-full rounded-md border border-zinc-300 px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-950";

export default async function DeadLetterPage({ searchParams }: { searchParams: Promise<Query> }) {
  const member = await currentMember();
  const query = await searchParams;
  const endpoint = searchParam(query.endpoint);
  const status = searchParam(query.status, DEAD_LETTER_STATUSES) ?? "failed";
  const before = searchParam(query.before);
  const [{ deliveries, endpoints, total, older }, tasks] = await Promise.all([
    deadLetterOverview(member.tenant.id, { endpointId: endpoint, status, before }),
    listTasks(member.tenant.id, { limit: 10, order: "descending" }, {}),
  ]);
  const filter = { ...(endpoint ? { endpoint } : {}), ...(status !== "failed" ? { status } : {}) };
  const totalText =
    total > DEAD_LETTER_COUNT_CAP
      ? `${DEAD_LETTER_COUNT_CAP.toLocaleString("en")}+`
      : total.toLocaleString("en");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Dead-letter queue</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Deliveries that failed after every retry, and those parked at a disabled endpoint. Fix the receiver,
        then resend them.
      </p>
      <Outcome query={query} />
      <Card title={`${status === "failed" ? "Failed" : "Parked"} deliveries (${totalText})`}>
        <div className="space-y-4">
          <form className="flex flex-wrap items-end gap-2" aria-label="Filter the queue">
            <label className="text-sm">
              <span className="block text-xs font-medium">State</span>
              <select name="status" defaultValue={status} className={selectClass}>
                <option value="failed">Failed (every retry failed)</option>
                <option value="parked">Parked (endpoint disabled)</option>
              </select>
            </label>
            <label className="min-w-0 max-w-full text-sm">
              <span className="block text-xs font-medium">Endpoint</span>
              <select name="endpoint" defaultValue={endpoint ?? ""} className={selectClass}>
                <option value="">All endpoints</option>
                {endpoints.map((ep) => (
                  <option key={ep.id} value={ep.id}>
                    {ep.application.name} — {ep.url}
                  </option>
                ))}
              </select>
            </label>
            <Button type="submit" variant="secondary">
              Filter
            </Button>
          </form>
          {deliveries.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              {before
                ? "No older deliveries."
                : status === "failed"
                  ? "Nothing here: every delivery succeeded or is still being retried."
                  : "Nothing parked: no disabled endpoint is holding messages."}
            </p>
          ) : (
            <>
              <div className="flex flex-wrap items-center gap-2" data-testid="dlq-actions">
                <Button type="submit" form="dlq-selection">
                  Resend selected
                </Button>
                <form action={resendAllMatchingAction}>
                  <input type="hidden" name="status" value={status} />
                  {endpoint ? <input type="hidden" name="endpoint" value={endpoint} /> : null}
                  <Button type="submit" variant="secondary">
                    Resend all {totalText} matching
                  </Button>
                </form>
              </div>
              <form id="dlq-selection" action={resendSelectedAction}>
                <input type="hidden" name="status" value={status} />
                {endpoint ? <input type="hidden" name="endpoint" value={endpoint} /> : null}
                <div className="relative overflow-x-auto">
                  <table className="w-full text-left text-sm" data-testid="dead-letters">
                    <thead className="text-xs uppercase text-zinc-600 dark:text-zinc-400">
                      <tr>
                        <th className="py-2 pr-2">
                          <SelectAllCheckbox
                            form="dlq-selection"
                            name="delivery"
                            label="Select every delivery on this page"
                          />
                        </th>
                        <th className="py-2 pr-3">Message</th>
                        <th className="py-2 pr-3">Endpoint</th>
                        <th className="py-2 pr-3">Last result</th>
                        <th className="py-2 pr-3">Failed</th>
                        <th className="py-2">
                          <span className="sr-only">Resend</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                      {deliveries.map((d) => (
                        <tr key={d.id}>
                          <td className="py-2 pr-2">
                            <input
                              type="checkbox"
                              name="delivery"
                              value={`${d.applicationId}:${d.messageId}:${d.endpointId}`}
                              aria-label={`Select ${d.messageId}`}
                              className="size-6"
                            />
                          </td>
                          <td className="py-2 pr-3">
                            <Link
                              href={`/applications/${d.applicationId}/messages/${d.messageId}`}
                              className="font-mono text-xs text-brand-600 hover:underline dark:text-brand-300"
                            >
                              {d.messageId}
                            </Link>
                            <span className="block font-mono text-xs">{d.message.eventType}</span>
                          </td>
                          <td className="max-w-xs truncate py-2 pr-3" title={d.endpoint.url}>
                            {d.endpoint.url}
                          </td>
                          <td className="py-2 pr-3 text-red-700 dark:text-red-400">
                            {d.lastAttempt ? attemptInPlainWords(d.lastAttempt) : "never attempted"}
                            <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                              {d.attemptCount} {d.attemptCount === 1 ? "attempt" : "attempts"}
                              {d.lastAttempt?.errorMessage
                                ? ` · ${d.lastAttempt.errorMessage.slice(0, 120)}`
                                : ""}
                            </span>
                          </td>
                          <td className="whitespace-nowrap py-2 pr-3">
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
              </form>
            </>
          )}
          <nav aria-label="Pages" className="flex justify-between text-sm">
            {before ? (
              <Link
                href={`/dead-letter?${new URLSearchParams(filter)}`}
                className="text-brand-600 hover:underline dark:text-brand-300"
              >
                ← Newest
              </Link>
            ) : (
              <span />
            )}
            {older ? (
              <Link
                href={`/dead-letter?${new URLSearchParams({ ...filter, before: older })}`}
                className="text-brand-600 hover:underline dark:text-brand-300"
              >
                Older →
              </Link>
            ) : null}
          </nav>
        </div>
      </Card>
      <Card title="Recover an endpoint">
        <RecoverForm endpoints={endpoints} action={recoverAction} progress={recoveryProgressAction} />
      </Card>
      <Card title="Background tasks">
        <BackgroundTasks tasks={tasks.data} />
      </Card>
    </div>
  );
}

/** What the last action did, from the URL it came back with. */
function Outcome({ query }: { query: Query }) {
  const n = (key: string) => Number(searchParam(query[key]) ?? 0) || 0;
  if (searchParam(query.sent) !== undefined)
    return (
      <Alert tone={n("refused") ? "error" : "success"}>
        {n("sent")} sent again.
        {n("refused")
          ? ` ${n("refused")} could not be: their endpoint is disabled or their content was removed.`
          : ""}
      </Alert>
    );
  if (searchParam(query.tasks) !== undefined)
    return (
      <Alert tone={n("disabled") ? "error" : "success"}>
        {n("tasks")} {n("tasks") === 1 ? "recovery" : "recoveries"} started (one per endpoint); progress shows
        under Background tasks.
        {n("disabled") ? ` ${n("disabled")} disabled endpoint(s) skipped: enable them first.` : ""}
      </Alert>
    );
  return null;
}
