import Link from "next/link";
import { checkSignatureAction, replayRequestAction } from "@/app/(portal)/inspector/actions";
import { InspectorLive } from "@/components/inspector/inspector-live";
import { CopyButton } from "@/components/ui/copy-button";
import { RelativeTime } from "@/components/ui/relative-time";
import { currentMember } from "@/lib/auth/current-member";
import { db } from "@/lib/db";
import { findInspector, serializeInspector } from "@/lib/inspector/inspectors";
import { requestsSince } from "@/lib/inspector/list-requests";
import { orNotFound } from "@/lib/portal/or-not-found";

export const metadata = { title: "Inspector" };

export default async function InspectorPage({ params }: { params: Promise<{ inspector_id: string }> }) {
  const member = await currentMember();
  const { inspector_id } = await params;
  const inspector = serializeInspector(await orNotFound(findInspector(member.tenant.id, inspector_id)));
  const [initial, endpoints] = await Promise.all([
    requestsSince(member.tenant.id, inspector.id),
    db.endpoint.findMany({
      where: { tenantId: member.tenant.id, application: { internal: false } },
      orderBy: { id: "desc" },
      take: 200,
      select: { id: true, url: true, application: { select: { name: true } } },
    }),
  ]);
  // An endpoint delivering here is the one whose keys the signatures should match.
  const pointing = endpoints.find((e) => e.url.startsWith(inspector.url));
  return (
    <div className="space-y-6">
      <div className="min-w-0 space-y-2">
        <Link href="/inspector" className="text-sm text-brand-600 dark:text-brand-300">
          ← Inspectors
        </Link>
        <h1 className="text-2xl font-semibold">{inspector.name || "Inspector"}</h1>
        <div className="flex flex-wrap items-center gap-2">
          <code
            data-testid="inspector-url"
            className="break-all rounded bg-zinc-100 px-2 py-1 font-mono text-xs dark:bg-zinc-950"
          >
            {inspector.url}
          </code>
          <CopyButton value={inspector.url} label="Copy URL" />
        </div>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Answers {inspector.responseStatus} · expires <RelativeTime iso={inspector.expiresAt} />
        </p>
      </div>
      <InspectorLive
        inspectorId={inspector.id}
        url={inspector.url}
        initial={initial.reverse()}
        endpoints={endpoints.map((e) => [e.id, `${e.application.name} · ${e.url}`])}
        defaultEndpointId={pointing?.id ?? null}
        actions={{
          checkSignature: checkSignatureAction.bind(null, inspector.id),
          replay: replayRequestAction.bind(null, inspector.id),
        }}
      />
    </div>
  );
}
