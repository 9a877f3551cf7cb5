import Link from "next/link";
import { createInspectorAction, deleteInspectorAction } from "@/app/(portal)/inspector/actions";
import { CreateInspectorForm } from "@/components/inspector/create-inspector-form";
import { Card } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { CopyButton } from "@/components/ui/copy-button";
import { RelativeTime } from "@/components/ui/relative-time";
import { currentMember } from "@/lib/auth/current-member";
import { db } from "@/lib/db";
import { listInspectors, serializeInspector } from "@/lib/inspector/inspectors";

export const metadata = { title: "Inspector" };

export default async function InspectorsPage() {
  const member = await currentMember();
  const inspectors = (await listInspectors(member.tenant.id)).map(serializeInspector);
  const counts = await db.inspectorRequest.groupBy({
    by: ["inspectorId"],
    where: { inspectorId: { in: inspectors.map((i) => i.id) } },
    _count: { _all: true },
  });
  const countOf = (id: string) => counts.find((c) => c.inspectorId === id)?._count._all ?? 0;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Inspector</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          A URL that records whatever it is sent: point an endpoint at it to see exactly what your receiver
          will get, headers and signature included. Inspectors last 24 hours and keep their latest 1,000
          requests. Also through <code>/api/v1/inspector</code>.
        </p>
      </div>
      <Card title="New inspector">
        <CreateInspectorForm action={createInspectorAction} />
      </Card>
      <Card title="Inspectors">
        {inspectors.length === 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">None yet: create one above.</p>
        ) : (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" data-testid="inspectors">
            {inspectors.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div className="min-w-0">
                  <Link
                    href={`/inspector/${i.id}`}
                    className="font-medium text-brand-600 underline dark:text-brand-300"
                  >
                    {i.name || i.id}
                  </Link>
                  <p className="break-all font-mono text-xs">{i.url}</p>
                  <p className="text-xs text-zinc-600 dark:text-zinc-400">
                    {countOf(i.id)} {countOf(i.id) === 1 ? "request" : "requests"} · answers{" "}
                    {i.responseStatus} · expires <RelativeTime iso={i.expiresAt} />
                  </p>
                </div>
                <div className="flex gap-2">
                  <CopyButton value={i.url} label="Copy URL" />
                  <ConfirmButton
                    quiet
                    action={deleteInspectorAction.bind(null, i.id)}
                    label="Delete"
                    confirmLabel="Yes, delete"
                    question="Delete this inspector and what it recorded?"
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
