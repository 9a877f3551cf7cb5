import {
  attemptResultAction,
  checkEndpointUrlAction,
  deleteEndpointAction,
  revealSecretAction,
  rotateSecretAction,
  saveEndpointAction,
  saveTransformationAction,
  sendTestEventAction,
  setEndpointEnabledAction,
  tryTransformationAction,
} from "@/app/(portal)/applications/[app_id]/endpoints/actions";
import { recoverAction, recoveryProgressAction } from "@/app/(portal)/dead-letter/actions";
import { EndpointWorkspace } from "@/components/endpoints/endpoint-workspace";
import { currentMember } from "@/lib/auth/current-member";
import { endpointOverview } from "@/lib/endpoints/endpoint-overview";
import { endpointPageQuery } from "@/lib/endpoints/endpoint-page-query";
import { orNotFound } from "@/lib/portal/or-not-found";

export const metadata = { title: "Endpoint" };

export default async function EndpointPage({
  params,
  searchParams,
}: {
  params: Promise<{ app_id: string; endpoint_id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const member = await currentMember();
  const { app_id, endpoint_id } = await params;
  const query = await searchParams;
  const page = endpointPageQuery(query);
  const overview = await orNotFound(
    endpointOverview(member.tenant.id, app_id, endpoint_id, page.range, undefined, page.filter),
  );
  const appId = overview.endpoint.applicationId;
  const id = overview.endpoint.id;
  const base = `/applications/${appId}/endpoints/${id}`;
  return (
    <EndpointWorkspace
      overview={overview}
      query={page}
      actions={{
        save: saveEndpointAction.bind(null, appId, id),
        remove: deleteEndpointAction.bind(null, appId, id),
        setEnabled: setEndpointEnabledAction.bind(null, appId, id),
        reveal: revealSecretAction.bind(null, appId, id),
        rotate: rotateSecretAction.bind(null, appId, id),
        send: sendTestEventAction.bind(null, appId, id),
        result: attemptResultAction.bind(null, appId, id),
        recover: { start: recoverAction, progress: recoveryProgressAction },
        transformation: {
          save: saveTransformationAction.bind(null, appId, id),
          tryRun: tryTransformationAction.bind(null, appId, id),
        },
        checkUrl: query.created ? checkEndpointUrlAction.bind(null, appId, id) : undefined,
      }}
      hrefs={{
        base,
        back: `/applications/${appId}`,
        backLabel: "Application",
        message: (msgId) => `/applications/${appId}/messages/${msgId}`,
        messages: `/messages?app=${appId}&endpoint=${id}`,
        deadLetters: `/dead-letter?endpoint=${id}`,
      }}
    />
  );
}
