import Link from "next/link";
import { EndpointCharts } from "@/components/charts/endpoint-charts";
import { RecoverForm } from "@/components/dead-letter/recover-form";
import { EndpointAttempts } from "@/components/endpoints/endpoint-attempts";
import { EndpointForm } from "@/components/endpoints/endpoint-form";
import { EndpointHeadline } from "@/components/endpoints/endpoint-headline";
import { EndpointSecret, type KeyKind } from "@/components/endpoints/endpoint-secret";
import { SendTestEvent } from "@/components/endpoints/send-test-event";
import { TransformationEditor, type TransformationState } from "@/components/endpoints/transformation-editor";
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
import {
  type EndpointPageQuery,
  type EndpointTab,
  endpointPageHref,
} from "@/lib/endpoints/endpoint-page-query";
import type { RecoveryStatus as RecoveryProgress } from "@/lib/messages/recovery-progress";
import type { FormState } from "@/lib/portal/form-state";
import type { RecoverState } from "@/lib/schemas/recover-form";
import type { TransformationTry, TransformationTryIn } from "@/lib/transformations/try-transformation";

export interface EndpointActions {
  save?: (prev: FormState, form: FormData) => Promise<FormState>;
  remove?: () => Promise<void>;
  setEnabled?: (enable: boolean) => Promise<void>;
  reveal?: () => Promise<string>;
  rotate?: (keyType: KeyKind) => Promise<{ previousValidUntil: string }>;
  send?: (eventType: string, payload: string) => Promise<{ messageId?: string; error?: string }>;
  /** Shown once, right after the endpoint was created: whether its URL can be reached. */
  checkUrl?: () => Promise<UrlCheck>;
  /** Recover this endpoint's failed and parked messages since a time (a background task). */
  recover?: {
    start: (prev: RecoverState, form: FormData) => Promise<RecoverState>;
    progress: (taskId: string, appId: string, endpointId: string, since: string) => Promise<RecoveryProgress>;
  };
  /** The transformation editor (portal members; the widget with ManageTransformations). */
  transformation?: {
    save: (next: TransformationState) => Promise<{ error?: string }>;
    tryRun: (input: TransformationTryIn) => Promise<TransformationTry>;
  };
  result: (
    messageId: string,
  ) => Promise<Awaited<ReturnType<typeof import("@/lib/attempts/latest-attempt").latestAttempt>>>;
}

const TAB_LABELS: Record<EndpointTab, string> = {
  overview: "Overview",
  testing: "Testing",
  settings: "Settings",
  signing: "Signing",
  transformation: "Transformation",
  attempts: "Attempts",
};

/**
 * One endpoint's page, in the portal and in the widget, in tabs (the URL's `?tab=`): Overview
 * (headline numbers, charts, recovery), Testing, Settings, Signing, Attempts. Actions the viewer
 * may not take are absent (a read-only widget passes none of the mutating ones, so it has no
 * Testing or Settings tab; the server refuses them anyway).
 */
export function EndpointWorkspace({
  overview,
  actions,
  query,
  hrefs,
}: {
  overview: Awaited<ReturnType<typeof endpointOverview>>;
  actions: EndpointActions;
  query: EndpointPageQuery;
  hrefs: {
    /** This page's path, without a query. */
    base: string;
    back: string;
    backLabel: string;
    message: (id: string) => string;
    /** The message log filtered to this endpoint. */
    messages: string;
    /** The dead-letter queue filtered to this endpoint (portal only). */
    deadLetters?: string;
  };
}) {
  const { endpoint, attempts, catalogue, chart, formValues } = overview;
  const tabs = (Object.keys(TAB_LABELS) as EndpointTab[]).filter(
    (t) =>
      (t !== "testing" || actions.send) &&
      (t !== "settings" || actions.save || actions.remove) &&
      (t !== "transformation" || actions.transformation),
  );
  const tab = tabs.includes(query.tab) ? query.tab : "overview";
  const href = (t: EndpointTab, extra?: Parameters<typeof endpointPageHref>[2]) =>
    endpointPageHref(hrefs.base, t, extra);
  return (
    <div className="space-y-6">
      <div className="min-w-0">
        <Link href={hrefs.back} className="text-sm text-brand-600 dark:text-brand-300">
          ← {hrefs.backLabel}
        </Link>
        <h1 className="break-all text-2xl font-semibold">{endpoint.url}</h1>
        <p className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{endpoint.id}</p>
      </div>
      {actions.checkUrl ? (
        <UrlCheckNotice check={actions.checkUrl} testHref={actions.send ? href("testing") : undefined} />
      ) : null}
      <EndpointStatus endpoint={endpoint} setEnabled={actions.setEnabled} canRecover={!!actions.recover} />
      {!endpoint.disabled && overview.parked.count > 0 && overview.parked.since && actions.recover ? (
        <div
          className="rounded-md border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950/40"
          data-testid="parked-offer"
        >
          <p className="mb-3 text-sm">
            {overview.parked.count} {overview.parked.count === 1 ? "message was" : "messages were"} held while
            this endpoint was disabled. Send {overview.parked.count === 1 ? "it" : "them"} now?
          </p>
          <RecoverForm
            fixed={{ applicationId: endpoint.applicationId, endpointId: endpoint.id }}
            since={overview.parked.since}
            submitLabel={`Send ${overview.parked.count} parked ${overview.parked.count === 1 ? "message" : "messages"}`}
            action={actions.recover.start}
            progress={actions.recover.progress}
          />
        </div>
      ) : null}
      <nav
        aria-label="Endpoint sections"
        className="-mb-2 flex gap-1 overflow-x-auto border-b border-zinc-200 dark:border-zinc-800"
      >
        {tabs.map((t) => (
          <Link
            key={t}
            href={href(t, t === "overview" ? { range: chart.range } : {})}
            aria-current={t === tab ? "page" : undefined}
            className={`-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${
              t === tab
                ? "border-brand-600 text-zinc-900 dark:border-brand-300 dark:text-white"
                : "border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white"
            }`}
          >
            {TAB_LABELS[t]}
          </Link>
        ))}
      </nav>
      {tab === "overview" ? (
        <>
          <Card
            title={`Deliveries, last ${CHART_RANGES[chart.range].label}`}
            actions={
              <nav aria-label="Chart range" className="flex gap-1">
                {(Object.keys(CHART_RANGES) as ChartRange[]).map((r) => (
                  <Link
                    key={r}
                    href={href("overview", { range: r })}
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
            <div className="space-y-6">
              <EndpointHeadline
                chart={chart}
                failedHref={href("attempts", { outcome: "failure", from: chart.from, until: chart.to })}
              />
              <EndpointCharts chart={chart} attemptsHref={href("attempts")} />
            </div>
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
        </>
      ) : null}
      {tab === "testing" && actions.send ? (
        <>
          <Card title="Send a test event">
            <SendTestEvent
              eventTypes={catalogue}
              subscribed={endpoint.eventTypes}
              send={actions.send}
              result={actions.result}
            />
          </Card>
          <Card title="Latest attempts">
            <EndpointAttempts
              attempts={attempts.slice(0, 5)}
              filter={{}}
              message={hrefs.message}
              clearHref={href("attempts")}
            />
          </Card>
        </>
      ) : null}
      {tab === "settings" ? (
        <>
          {overview.egressIps.length ? (
            <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="egress-ips">
              Deliveries come from these addresses; allow them in your firewall:{" "}
              <span className="font-mono">{overview.egressIps.join(", ")}</span>
            </p>
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
          {actions.remove ? (
            <Card title="Delete this endpoint">
              <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
                Its delivery history goes with it. Messages already sent are not affected.
              </p>
              <ConfirmButton
                action={actions.remove}
                label="Delete endpoint"
                confirmLabel="Yes, delete"
                question="Delete this endpoint and its delivery history?"
              />
            </Card>
          ) : null}
        </>
      ) : null}
      {tab === "signing" ? (
        <>
          <Card title="Signing key">
            {actions.reveal ? (
              <EndpointSecret kind={overview.keyKind} reveal={actions.reveal} rotate={actions.rotate} />
            ) : (
              <p className="text-sm text-zinc-500 dark:text-zinc-400">
                This view does not include the signing secret.
              </p>
            )}
          </Card>
          <Card title="Verify signatures in your receiver">
            <VerificationSnippets key={overview.keyKind} kind={overview.keyKind} reveal={actions.reveal} />
          </Card>
        </>
      ) : null}
      {tab === "transformation" && actions.transformation ? (
        <Card title="Transformation">
          <TransformationEditor
            current={overview.transformation}
            eventTypes={catalogue}
            save={actions.transformation.save}
            tryRun={actions.transformation.tryRun}
          />
        </Card>
      ) : null}
      {tab === "attempts" ? (
        <Card
          title="Attempts"
          actions={
            <span className="flex gap-3 text-sm">
              <Link href={hrefs.messages} className="text-brand-600 hover:underline dark:text-brand-300">
                All messages
              </Link>
              {hrefs.deadLetters ? (
                <Link href={hrefs.deadLetters} className="text-brand-600 hover:underline dark:text-brand-300">
                  Failed deliveries
                </Link>
              ) : null}
            </span>
          }
        >
          <EndpointAttempts
            attempts={attempts}
            filter={query.filter}
            message={hrefs.message}
            clearHref={href("attempts")}
          />
        </Card>
      ) : null}
    </div>
  );
}

/** Enabled, failing or disabled, and the button that changes it; on every tab. */
function EndpointStatus({
  endpoint,
  setEnabled,
  canRecover,
}: {
  endpoint: Awaited<ReturnType<typeof endpointOverview>>["endpoint"];
  setEnabled?: (enable: boolean) => Promise<void>;
  canRecover: boolean;
}) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3" data-testid="endpoint-status">
      {endpoint.disabled ? (
        <Alert tone="error">
          Disabled
          {endpoint.disabledAt ? (
            <>
              {" "}
              <RelativeTime iso={endpoint.disabledAt.toISOString()} />
            </>
          ) : null}
          : {endpoint.disabledReason ?? "no reason recorded"}. Messages for it are parked until it is enabled
          again and they are recovered
          {canRecover ? ": enable it, then recover them on the Overview tab." : "."}
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
        <form action={setEnabled.bind(null, endpoint.disabled)}>
          <Button type="submit" variant={endpoint.disabled ? "primary" : "secondary"}>
            {endpoint.disabled ? "Enable" : "Disable"}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
