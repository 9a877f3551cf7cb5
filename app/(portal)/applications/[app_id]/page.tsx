import Link from "next/link";
import { createEndpointAction } from "@/app/(portal)/applications/[app_id]/endpoints/actions";
import { deleteApplicationAction, updateApplicationAction } from "@/app/(portal)/applications/actions";
import { newInspectorUrlAction } from "@/app/(portal)/inspector/actions";
import { ApplicationForm } from "@/components/applications/application-form";
import { EndpointForm } from "@/components/endpoints/endpoint-form";
import { EndpointList } from "@/components/endpoints/endpoint-list";
import { Card } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { RelativeTime } from "@/components/ui/relative-time";
import { applicationOverview } from "@/lib/applications/application-overview";
import { currentMember } from "@/lib/auth/current-member";
import { orNotFound } from "@/lib/portal/or-not-found";

export const metadata = { title: "Application" };

const statusTone: Record<string, string> = {
  succeeded: "text-emerald-700 dark:text-emerald-400",
  failed: "text-red-700 dark:text-red-400",
  parked: "text-amber-700 dark:text-amber-400",
  pending: "text-zinc-500 dark:text-zinc-400",
  sending: "text-sky-700 dark:text-sky-400",
};

export default async function ApplicationPage({ params }: { params: Promise<{ app_id: string }> }) {
  const member = await currentMember();
  const { app_id } = await params;
  const { app, endpoints, messages, eventTypes } = await orNotFound(
    applicationOverview(member.tenant.id, app_id),
  );
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <Link href="/applications" className="text-sm text-brand-600 dark:text-brand-300">
            ← Applications
          </Link>
          <h1 className="text-2xl font-semibold">{app.name}</h1>
          <p className="font-mono text-xs text-zinc-500 dark:text-zinc-400">
            {app.id}
            {app.uid ? ` · uid ${app.uid}` : ""}
          </p>
        </div>
        <nav aria-label="This application" className="flex flex-wrap gap-2 text-sm">
          <Link
            className="rounded-md border border-zinc-300 px-3 py-2 dark:border-zinc-700"
            href={`/messages?app=${app.id}`}
          >
            Messages
          </Link>
          <Link
            className="rounded-md border border-zinc-300 px-3 py-2 dark:border-zinc-700"
            href="/dead-letter"
          >
            Dead letters
          </Link>
          <Link className="rounded-md border border-zinc-300 px-3 py-2 dark:border-zinc-700" href="/widget">
            Widget preview
          </Link>
        </nav>
      </div>
      <Card title="Settings">
        <ApplicationForm
          action={updateApplicationAction.bind(null, app.id)}
          initial={{
            name: app.name,
            uid: app.uid ?? "",
            metadata: Object.entries(app.metadata as Record<string, string>)
              .map(([k, v]) => `${k}=${v}`)
              .join("\n"),
            throttleRate: app.throttleRate === null ? "" : String(app.throttleRate),
          }}
        />
      </Card>
      <Card title="Endpoints">
        <EndpointList
          endpoints={endpoints}
          href={(id) => `/applications/${app.id}/endpoints/${id}`}
          empty="No endpoints yet: add the URL where this customer wants events."
        />
        <h3 className="mb-3 text-sm font-semibold">Add an endpoint</h3>
        <EndpointForm
          action={createEndpointAction.bind(null, app.id)}
          eventTypes={eventTypes}
          submitLabel="Add endpoint"
          newInspectorUrl={newInspectorUrlAction}
        />
      </Card>
      <Card title="Recent messages">
        {messages.length === 0 ? (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">
            No messages yet. Send one with the API or “Send test event” on an endpoint.
          </p>
        ) : (
          <div className="relative overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-xs uppercase text-zinc-500 dark:text-zinc-400">
                <tr>
                  <th className="py-2">Message</th>
                  <th className="py-2">Event type</th>
                  <th className="py-2">Deliveries</th>
                  <th className="py-2">Sent</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
                {messages.map((m) => (
                  <tr key={m.id}>
                    <td className="py-2 font-mono text-xs">
                      <Link
                        href={`/applications/${app.id}/messages/${m.id}`}
                        className="text-brand-600 dark:text-brand-300 hover:underline"
                      >
                        {m.id}
                      </Link>
                    </td>
                    <td className="py-2">{m.eventType}</td>
                    <td className="py-2">
                      {m.deliveries.length === 0
                        ? "—"
                        : m.deliveries.map((d) => (
                            <span key={d.id} className={`mr-2 ${statusTone[d.status]}`}>
                              {d.status}
                            </span>
                          ))}
                    </td>
                    <td className="py-2">
                      <RelativeTime iso={m.createdAt.toISOString()} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <Card title="Delete">
        <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
          Deleting {app.name} removes its endpoints, messages and their delivery history for good.
        </p>
        <ConfirmButton
          quiet
          action={deleteApplicationAction.bind(null, app.id)}
          label="Delete application"
          confirmLabel="Yes, delete"
          question={`Delete ${app.name} with all its endpoints and messages?`}
        />
      </Card>
    </div>
  );
}
