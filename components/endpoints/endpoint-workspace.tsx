import Link from "next/link";
import type { RecoverState, RecoveryProgress } from "@/app/(portal)/dead-letter/actions";
import { EndpointCharts } from "@/components/charts/endpoint-charts";
import { RecoverForm } from "@/components/dead-letter/recover-form";
import { EndpointForm } from "@/components/endpoints/endpoint-form";
import { EndpointSecret } from "@/components/endpoints/endpoint-secret";
import { SendTestEvent } from "@/components/endpoints/send-test-event";
import { UrlCheckNotice } from "@/components/endpoints/url-check";
import { VerificationSnippets } from "@/components/endpoints/verification-snippets";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { RelativeTime } from "@/components/ui/relative-time";
import type { UrlCheck } from "@/lib/endpoints/check-endpoint-url";
import { CHART_RANGES, type ChartRange } from "@/lib/endpoints/endpoint-chart";
import type { endpointOverview } from "@/lib/endpoints/endpoint-overview";
import type { FormState } from "@/lib/portal/form-state";

export interface EndpointActions {
  save?: (prev: FormState, form: FormData) => Promise<FormState>;
  remove?: () => Promise<void>;
  setEnabled?: (enable: boolean) => Promise<void>;
  reveal?: () => Promise<string>;
  rotate?: () => Promise<{ previousValidUntil: string }>;
  send?: (eventType: string, payload: string) => Promise<{ messageId?: string; error?: string }>;
  /** Shown once, right after the endpoint was created: whether its URL can be reached. */
  checkUrl?: () => Promise<UrlCheck>;
  /** Recover this endpoint's failed and parked messages since a time (a background task). */
  recover?: {
    start: (prev: RecoverState, form: FormData) => Promise<RecoverState>;
    progress: (taskId: string, appId: string, endpointId: string, since: string) => Promise<RecoveryProgress>;
  };
  result: (
    messageId: string,
  ) => Promise<Awaited<ReturnType<typeof import("@/lib/attempts/latest-attempt").latestAttempt>>>;
}

/**
 * One endpoint's page, in the portal and in the widget: status, charts, settings, secret,
 * receiver snippets, test event, recent attempts. Actions the viewer may not take are absent
 * (a read-only widget passes none of the mutating ones; the server refuses them anyway).
 */
export function EndpointWorkspace({
  overview,
  actions,
  hrefs,
}: {
  overview: Awaited<ReturnType<typeof endpointOverview>>;
  actions: EndpointActions;
  hrefs: {
    back: string;
    backLabel: string;
    message: (id: string) => string;
    /** The message log filtered to this endpoint. */
    messages: string;
    /** The dead-letter queue filtered to this endpoint (portal only). */
    deadLetters?: string;
    range: (r: ChartRange) => string;
  };
}) {
  const { endpoint, attempts, catalogue, chart, formValues } = overview;
  const setEnabled = actions.setEnabled;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <Link href={hrefs.back} className="text-sm text-brand-600 dark:text-brand-300">
            ← {hrefs.backLabel}
          </Link>
          <h1 className="break-all text-2xl font-semibold">{endpoint.url}</h1>
          <p className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{endpoint.id}</p>
        </div>
        {actions.remove ? (
          <ConfirmButton
            action={actions.remove}
            label="Delete endpoint"
            confirmLabel="Yes, delete"
            question="Delete this endpoint and its delivery history?"
          />
        ) : null}
      </div>
      {actions.checkUrl ? <UrlCheckNotice check={actions.checkUrl} /> : null}
      <Card title="Status">
        {endpoint.disabled ? (
          <Alert tone="error">
            Disabled
            {endpoint.disabledAt ? (
              <>
                {" "}
                <RelativeTime iso={endpoint.disabledAt.toISOString()} />
              </>
            ) : null}
            : {endpoint.disabledReason ?? "no reason recorded"}. Messages for it are parked until it is
            enabled again and they are recovered
            {actions.recover ? ": enable it, then recover them below." : "."}
          </Alert>
        ) : (
          <p className="text-sm text-emerald-700 dark:text-emerald-400">
            Enabled
            {endpoint.failingSince ? (
              <span className="text-red-700 dark:text-red-400">
                {" "}
                · failing since <RelativeTime iso={endpoint.failingSince.toISOString()} /> (
                {endpoint.consecutiveFailures} failed attempts)
              </span>
            ) : null}
          </p>
        )}
        {setEnabled ? (
          <form action={setEnabled.bind(null, endpoint.disabled)} className="mt-3">
            <Button type="submit" variant={endpoint.disabled ? "primary" : "secondary"}>
              {endpoint.disabled ? "Enable" : "Disable"}
            </Button>
          </form>
        ) : null}
      </Card>
      <Card
        title="Deliveries"
        actions={
          <nav aria-label="Chart range" className="flex gap-1">
            {(Object.keys(CHART_RANGES) as ChartRange[]).map((r) => (
              <Link
                key={r}
                href={hrefs.range(r)}
                aria-current={r === chart.range ? "true" : undefined}
                className={`rounded px-2 py-1 text-xs font-medium ${
                  r === chart.range
                    ? "bg-brand-600 text-white"
                    : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
                }`}
              >
                {r}
              </Link>
            ))}
          </nav>
        }
      >
        <EndpointCharts chart={chart} />
      </Card>
      {actions.recover ? (
        <Card title="Recover failed messages">
          <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
            Fixed your server? Send again every message that failed or was parked here since a time you
            choose. Progress shows below.
          </p>
          <RecoverForm
            fixed={{ applicationId: endpoint.applicationId, endpointId: endpoint.id }}
            action={actions.recover.start}
            progress={actions.recover.progress}
          />
        </Card>
      ) : null}
      {actions.save ? (
        <Card title="Settings">
          <EndpointForm
            action={actions.save}
            eventTypes={catalogue}
            initial={formValues}
            submitLabel="Save changes"
          />
        </Card>
      ) : null}
      <Card title="Signing secret">
        {actions.reveal ? (
          <EndpointSecret reveal={actions.reveal} rotate={actions.rotate} />
        ) : (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">
            This view does not include the signing secret.
          </p>
        )}
      </Card>
      <Card title="Verify signatures in your receiver">
        <VerificationSnippets reveal={actions.reveal} />
      </Card>
      {actions.send ? (
        <Card title="Send a test event">
          <SendTestEvent
            eventTypes={catalogue}
            subscribed={endpoint.eventTypes}
            send={actions.send}
            result={actions.result}
          />
        </Card>
      ) : null}
      <Card
        title="Recent attempts"
        actions={
          <span className="flex gap-3 text-sm">
            <Link href={hrefs.messages} className="text-brand-600 dark:text-brand-300 hover:underline">
              All messages
            </Link>
            {hrefs.deadLetters ? (
              <Link href={hrefs.deadLetters} className="text-brand-600 dark:text-brand-300 hover:underline">
                Failed deliveries
              </Link>
            ) : null}
          </span>
        }
      >
        {attempts.length === 0 ? (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">
            No attempts yet. Send a test event to see one here.
          </p>
        ) : (
          <div className="relative overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs uppercase text-zinc-500 dark:text-zinc-400">
                <tr>
                  <th className="py-2">When</th>
                  <th className="py-2">Message</th>
                  <th className="py-2">Result</th>
                  <th className="py-2">Duration</th>
                  <th className="py-2">Trigger</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                {attempts.map((a) => (
                  <tr key={a.id}>
                    <td className="py-2">
                      <RelativeTime iso={a.createdAt.toISOString()} />
                    </td>
                    <td className="py-2 font-mono text-xs">
                      <Link
                        href={hrefs.message(a.messageId)}
                        className="text-brand-600 dark:text-brand-300 hover:underline"
                      >
                        {a.messageId}
                      </Link>
                    </td>
                    <td
                      className={`py-2 ${a.outcome === "success" ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}`}
                    >
                      {a.responseStatusCode || a.errorKind}
                    </td>
                    <td className="py-2">{a.durationMs} ms</td>
                    <td className="py-2">{a.trigger}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
