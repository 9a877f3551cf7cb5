import {
  widgetAttemptResultAction,
  widgetCheckEndpointUrlAction,
  widgetDeleteEndpointAction,
  widgetRecoverAction,
  widgetRecoveryProgressAction,
  widgetRevealSecretAction,
  widgetRotateSecretAction,
  widgetSaveEndpointAction,
  widgetSaveTransformationAction,
  widgetSendTestEventAction,
  widgetSetEnabledAction,
  widgetTryTransformationAction,
} from "@/app/embed/[token]/actions";
import { EndpointWorkspace } from "@/components/endpoints/endpoint-workspace";
import { endpointOverview } from "@/lib/endpoints/endpoint-overview";
import { endpointPageQuery } from "@/lib/endpoints/endpoint-page-query";
import { orNotFound } from "@/lib/portal/or-not-found";
import { widgetAccess } from "@/lib/widget/widget-access";

export default async function WidgetEndpointPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string; endpoint_id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token, endpoint_id } = await params;
  const access = await widgetAccess(token);
  if (!access) return null; // the layout shows "link expired"
  const query = await searchParams;
  const page = endpointPageQuery(query);
  // Scoped to the token's application: another application's endpoint id is a 404 here.
  const overview = await orNotFound(
    endpointOverview(
      access.tenantId,
      access.appId,
      endpoint_id,
      page.range,
      access.featureFlags,
      page.filter,
    ),
  );
  const id = overview.endpoint.id;
  const base = `/embed/${token}`;
  const manage = access.can("ManageEndpoint");
  return (
    <EndpointWorkspace
      overview={overview}
      query={page}
      actions={{
        save: manage ? widgetSaveEndpointAction.bind(null, token, id) : undefined,
        remove: manage ? widgetDeleteEndpointAction.bind(null, token, id) : undefined,
        setEnabled: manage ? widgetSetEnabledAction.bind(null, token, id) : undefined,
        reveal: access.can("ViewEndpointSecret") ? widgetRevealSecretAction.bind(null, token, id) : undefined,
        rotate: access.can("ManageEndpointSecret")
          ? widgetRotateSecretAction.bind(null, token, id)
          : undefined,
        send: access.can("CreateAttempts") ? widgetSendTestEventAction.bind(null, token, id) : undefined,
        result: widgetAttemptResultAction.bind(null, token, id),
        transformation: access.can("ManageTransformations")
          ? {
              save: widgetSaveTransformationAction.bind(null, token, id),
              tryRun: widgetTryTransformationAction.bind(null, token, id),
            }
          : undefined,
        checkUrl:
          query.event === "endpoint.created" ? widgetCheckEndpointUrlAction.bind(null, token, id) : undefined,
        recover: access.can("CreateAttempts")
          ? {
              start: widgetRecoverAction.bind(null, token, id),
              progress: widgetRecoveryProgressAction.bind(null, token),
            }
          : undefined,
      }}
      hrefs={{
        base: `${base}/endpoints/${id}`,
        back: base,
        backLabel: "Endpoints",
        message: (msgId) => `${base}/messages/${msgId}`,
        messages: `${base}/messages?endpoint=${id}`,
      }}
    />
  );
}
