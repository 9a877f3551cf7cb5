import {
  addOperationalEndpointAction,
  deleteOperationalEndpointAction,
  revealOperationalSecretAction,
} from "@/app/(portal)/operational-webhooks/actions";
import { EndpointSecret } from "@/components/endpoints/endpoint-secret";
import { OperationalEndpointForm } from "@/components/operational/operational-endpoint-form";
import { Card } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { canManageKeys, currentMember } from "@/lib/auth/current-member";
import { db } from "@/lib/db";
import { currentKeyKind } from "@/lib/endpoints/endpoint-secrets";
import { OPERATIONAL_EVENT_TYPES } from "@/lib/operational/emit-operational-event";
import { OPERATIONAL_APP_UID } from "@/lib/operational/operational-app";

export const metadata = { title: "Operational webhooks" };

export default async function OperationalWebhooksPage() {
  const member = await currentMember();
  const manages = canManageKeys(member.role);
  const endpoints = await db.endpoint.findMany({
    where: { tenantId: member.tenant.id, application: { uid: OPERATIONAL_APP_UID, internal: true } },
    orderBy: { id: "asc" },
    select: { id: true, url: true, eventTypes: true, disabled: true, disabledReason: true },
  });
  const kinds = await Promise.all(endpoints.map((ep) => currentKeyKind(ep.id)));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Operational webhooks</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Hookline tells your own systems when something needs attention: an endpoint disabled, a message
        failing or exhausted, endpoints created, changed or deleted. Signed like every webhook (Standard
        Webhooks), retried, logged. Also through <code>/api/v1/operational-webhook/endpoint</code>.
      </p>
      <Card title="Endpoints">
        {endpoints.length === 0 ? (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">
            None yet: add the URL of the system that should hear about these.
          </p>
        ) : (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" data-testid="operational-endpoints">
            {endpoints.map((ep, i) => (
              <li key={ep.id} className="space-y-2 py-3">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <div className="min-w-0">
                    <p className="break-all font-medium">{ep.url}</p>
                    <p className="text-xs text-zinc-500 dark:text-zinc-400">
                      {ep.eventTypes.length ? ep.eventTypes.join(", ") : "All operational events"}
                      {ep.disabled ? ` · disabled: ${ep.disabledReason ?? "no reason recorded"}` : ""}
                    </p>
                  </div>
                  {manages ? (
                    <ConfirmButton
                      quiet
                      action={deleteOperationalEndpointAction.bind(null, ep.id)}
                      label="Delete"
                      confirmLabel="Yes, delete"
                      question={`Stop sending operational events to ${ep.url}?`}
                    />
                  ) : null}
                </div>
                {manages ? (
                  <EndpointSecret kind={kinds[i]!} reveal={revealOperationalSecretAction.bind(null, ep.id)} />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {manages ? (
        <Card title="Add an endpoint">
          <OperationalEndpointForm
            action={addOperationalEndpointAction}
            eventTypes={[...OPERATIONAL_EVENT_TYPES]}
          />
        </Card>
      ) : (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          Only owners and admins can add or remove operational webhooks.
        </p>
      )}
    </div>
  );
}
