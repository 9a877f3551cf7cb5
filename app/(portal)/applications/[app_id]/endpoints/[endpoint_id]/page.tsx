import Link from "next/link";
import {
  attemptResultAction,
  revealSecretAction,
  rotateSecretAction,
  sendTestEventAction,
  setEndpointEnabledAction,
} from "@/app/(portal)/applications/actions";
import { EndpointSecret } from "@/components/endpoints/endpoint-secret";
import { SendTestEvent } from "@/components/endpoints/send-test-event";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { RelativeTime } from "@/components/ui/relative-time";
import { currentMember } from "@/lib/auth/current-member";
import { endpointOverview } from "@/lib/endpoints/endpoint-overview";
import { orNotFound } from "@/lib/portal/or-not-found";

export const metadata = { title: "Endpoint" };

export default async function EndpointPage({
  params,
}: {
  params: Promise<{ app_id: string; endpoint_id: string }>;
}) {
  const member = await currentMember();
  const { app_id, endpoint_id } = await params;
  const { endpoint, attempts, eventTypes } = await orNotFound(
    endpointOverview(member.tenant.id, app_id, endpoint_id),
  );
  const appId = endpoint.applicationId;
  return (
    <div className="space-y-6">
      <div>
        <Link href={`/applications/${appId}`} className="text-sm text-brand-600">
          ← Application
        </Link>
        <h1 className="break-all text-2xl font-semibold">{endpoint.url}</h1>
        <p className="font-mono text-xs text-zinc-500">{endpoint.id}</p>
      </div>
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
            : {endpoint.disabledReason ?? "no reason recorded"}. Messages for it are parked; re-enable it,
            then recover them from the API.
          </Alert>
        ) : (
          <p className="text-sm text-emerald-600">
            Enabled
            {endpoint.failingSince
              ? ` · failing since ${endpoint.failingSince.toISOString()} (${endpoint.consecutiveFailures} failed attempts)`
              : ""}
          </p>
        )}
        <form action={setEndpointEnabledAction} className="mt-3">
          <input type="hidden" name="appId" value={appId} />
          <input type="hidden" name="endpointId" value={endpoint.id} />
          <input type="hidden" name="enable" value={endpoint.disabled ? "true" : "false"} />
          <Button type="submit" variant={endpoint.disabled ? "primary" : "secondary"}>
            {endpoint.disabled ? "Enable" : "Disable"}
          </Button>
        </form>
      </Card>
      <Card title="Signing secret">
        <EndpointSecret
          reveal={revealSecretAction.bind(null, appId, endpoint.id)}
          rotate={rotateSecretAction.bind(null, appId, endpoint.id)}
        />
      </Card>
      <Card title="Send a test event">
        <SendTestEvent
          eventTypes={eventTypes}
          send={sendTestEventAction.bind(null, appId, endpoint.id)}
          result={async (messageId: string) => {
            "use server";
            return attemptResultAction(messageId, endpoint.id);
          }}
        />
      </Card>
      <Card title="Recent attempts">
        {attempts.length === 0 ? (
          <p className="text-sm text-zinc-500">No attempts yet.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase text-zinc-500">
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
                  <td className="py-2 font-mono text-xs">{a.messageId}</td>
                  <td className={`py-2 ${a.outcome === "success" ? "text-emerald-600" : "text-red-600"}`}>
                    {a.responseStatusCode || a.errorKind}
                  </td>
                  <td className="py-2">{a.durationMs} ms</td>
                  <td className="py-2">{a.trigger}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
