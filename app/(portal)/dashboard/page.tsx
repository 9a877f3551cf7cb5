import Link from "next/link";
import type { ReactNode } from "react";
import { createApiKeyAction } from "@/app/(portal)/actions";
import { VolumeChart } from "@/components/charts/volume-chart";
import { FirstSteps } from "@/components/dashboard/first-steps";
import { Card } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import { canManageKeys, currentMember } from "@/lib/auth/current-member";
import { DEAD_LETTER_COUNT_CAP } from "@/lib/delivery/dead-letter-overview";
import { appUrl } from "@/lib/env";
import { firstSteps } from "@/lib/tenants/first-steps";
import { tenantOverview } from "@/lib/tenants/tenant-overview";
import { tenantVolume } from "@/lib/tenants/tenant-volume";

export const metadata = { title: "Dashboard" };

function Stat({
  label,
  value,
  href,
  tone,
}: {
  label: string;
  value: number | string;
  href?: string;
  tone?: string;
}) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <dt className="text-sm text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className={`mt-1 text-3xl font-semibold ${tone ?? ""}`}>
        {href ? <Link href={href}>{value}</Link> : value}
      </dd>
    </div>
  );
}

function EndpointList({
  endpoints,
  empty,
}: {
  endpoints: {
    id: string;
    url: string;
    applicationId: string;
    application: { name: string };
    note: ReactNode;
  }[];
  empty: string;
}) {
  if (endpoints.length === 0) return <p className="text-sm text-zinc-500 dark:text-zinc-400">{empty}</p>;
  return (
    <ul className="space-y-2 text-sm">
      {endpoints.map((ep) => (
        <li key={ep.id}>
          <Link
            className="break-all text-brand-600 underline dark:text-brand-300"
            href={`/applications/${ep.applicationId}/endpoints/${ep.id}`}
          >
            {ep.url}
          </Link>
          <span className="text-zinc-500 dark:text-zinc-400">
            {" "}
            · {ep.application.name} · {ep.note}
          </span>
        </li>
      ))}
    </ul>
  );
}

export default async function DashboardPage() {
  const member = await currentMember();
  const [o, steps, volume] = await Promise.all([
    tenantOverview(member.tenant.id),
    firstSteps(member.tenant.id),
    tenantVolume(member.tenant.id),
  ]);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">{member.tenant.name}</h1>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          Signed in as {member.user.email} ({member.role})
        </p>
      </div>
      {steps.done ? null : (
        <FirstSteps
          state={steps}
          baseUrl={appUrl()}
          createKey={canManageKeys(member.role) ? createApiKeyAction : undefined}
        />
      )}
      {[
        { title: "Last 24 hours", w: o.day },
        { title: "Last 7 days", w: o.week },
      ].map(({ title, w }) => (
        <section key={title} aria-label={title}>
          <h2 className="mb-2 text-sm font-semibold uppercase text-zinc-500 dark:text-zinc-400">{title}</h2>
          <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
            <Stat label="Messages sent" value={w.messages} />
            <Stat
              label="Deliveries succeeded"
              value={w.succeeded}
              tone="text-emerald-700 dark:text-emerald-400"
            />
            <Stat
              label="Deliveries failed"
              value={w.failed}
              tone={w.failed ? "text-red-700 dark:text-red-400" : ""}
              href="/dead-letter"
            />
            <Stat label="Pending or sending" value={w.pending} />
          </dl>
        </section>
      ))}
      <Card title="Messages and failures, last 7 days">
        <VolumeChart buckets={volume.buckets} bucketMs={volume.bucketMs} />
      </Card>
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat label="Applications" value={o.applications} href="/applications" />
        <Stat label="Endpoints" value={o.endpoints} />
        <Stat
          label="Dead-letter queue"
          value={
            o.deadLetters > DEAD_LETTER_COUNT_CAP
              ? `${DEAD_LETTER_COUNT_CAP.toLocaleString("en")}+`
              : o.deadLetters
          }
          href="/dead-letter"
          tone={o.deadLetters ? "text-red-700 dark:text-red-400" : ""}
        />
        <Stat label="Active API keys" value={o.apiKeys} href="/api-keys" />
      </dl>
      <div className="grid gap-6 md:grid-cols-2">
        <Card title="Failing right now">
          <EndpointList
            empty="No endpoint is failing."
            endpoints={o.failing.map((ep) => ({
              ...ep,
              note: (
                <>
                  {ep.consecutiveFailures} failures since{" "}
                  {ep.failingSince ? <RelativeTime iso={ep.failingSince.toISOString()} /> : "—"}
                </>
              ),
            }))}
          />
        </Card>
        <Card title="Disabled endpoints">
          <EndpointList
            empty="None."
            endpoints={o.disabled.map((ep) => ({ ...ep, note: ep.disabledReason ?? "disabled" }))}
          />
        </Card>
      </div>
    </div>
  );
}
