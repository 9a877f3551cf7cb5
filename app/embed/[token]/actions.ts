"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { errorAs } from "@/lib/actions/portal-action";
import { widgetAction, widgetFormAction } from "@/lib/actions/widget-action";
import { latestAttempt } from "@/lib/attempts/latest-attempt";
import { checkEndpointUrl } from "@/lib/endpoints/check-endpoint-url";
import { deleteEndpoint } from "@/lib/endpoints/delete-endpoint";
import { rotateSecret, verificationKey } from "@/lib/endpoints/endpoint-secrets";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";
import { keyTypeOf } from "@/lib/endpoints/generate-secret";
import { saveEndpointForm } from "@/lib/endpoints/save-endpoint-form";
import { updateEndpoint } from "@/lib/endpoints/update-endpoint";
import { recoveryStatus } from "@/lib/messages/recovery-progress";
import { resendMessage } from "@/lib/messages/resend-message";
import { sendTestEvent } from "@/lib/messages/send-test-event";
import { type RecoverState, recoverForm } from "@/lib/schemas/recover-form";
import { transformationPatch } from "@/lib/schemas/transformation";
import { startRecover } from "@/lib/tasks/start-tasks";
import { patchTransformation } from "@/lib/transformations/endpoint-transformation";
import { type TransformationTry, tryTransformation } from "@/lib/transformations/try-transformation";

// The widget's actions, each behind widgetAction / widgetFormAction (lib/actions/widget-action.ts):
// the token, bound first by the page, is the only credential, checked on every call with the
// capability the action needs; everything works inside the token's application only (findEndpoint
// and friends take the token's tenant and application, never the browser's word). Changes
// redirect with ?event=… so the page can tell the host (widget.js) what happened.

const base = (token: string) => `/embed/${token}`;

export const widgetCreateEndpointAction = widgetFormAction(
  { capability: "ManageEndpoint" },
  async ({ access, form }) => {
    const result = await saveEndpointForm(access.tenantId, access.appId, null, form, {
      featureFlags: access.featureFlags,
    });
    if (!("endpointId" in result)) return result;
    redirect(
      `${base(access.token)}/endpoints/${result.endpointId}?event=endpoint.created&id=${result.endpointId}`,
    );
  },
);

export const widgetSaveEndpointAction = widgetFormAction(
  { capability: "ManageEndpoint" },
  async ({ access, form }, endpointId: string) => {
    const result = await saveEndpointForm(access.tenantId, access.appId, endpointId, form, {
      featureFlags: access.featureFlags,
    });
    if (!("endpointId" in result)) return result;
    redirect(
      `${base(access.token)}/endpoints/${result.endpointId}?event=endpoint.updated&id=${result.endpointId}`,
    );
  },
);

export const widgetDeleteEndpointAction = widgetAction(
  "ManageEndpoint",
  async (access, endpointId: string) => {
    await deleteEndpoint(access.tenantId, access.appId, endpointId);
    redirect(`${base(access.token)}?event=endpoint.deleted&id=${endpointId}`);
  },
);

export const widgetSetEnabledAction = widgetAction(
  "ManageEndpoint",
  async (access, endpointId: string, enable: boolean) => {
    await updateEndpoint(
      access.tenantId,
      access.appId,
      endpointId,
      { disabled: !enable },
      false,
      "Disabled in your webhook settings",
    );
    redirect(
      `${base(access.token)}/endpoints/${endpointId}?event=endpoint.${enable ? "enabled" : "disabled"}&id=${endpointId}`,
    );
  },
);

export const widgetRevealSecretAction = widgetAction(
  "ViewEndpointSecret",
  async (access, endpointId: string) =>
    verificationKey((await findEndpoint(access.tenantId, access.appId, endpointId)).id),
);

export const widgetRotateSecretAction = widgetAction(
  "ManageEndpointSecret",
  async (access, endpointId: string, keyType?: "hmac" | "ed25519") => {
    const endpoint = await findEndpoint(access.tenantId, access.appId, endpointId);
    const { previousValidUntil } = await rotateSecret(endpoint.id, null, null, keyTypeOf(keyType));
    // A switch of kind changes the receiver snippets the page shows.
    revalidatePath(`${base(access.token)}/endpoints/${endpoint.id}`);
    return { previousValidUntil: previousValidUntil.toISOString() };
  },
);

export const widgetSendTestEventAction = widgetAction(
  "CreateAttempts",
  async (access, endpointId: string, eventType: string, payload?: string) =>
    sendTestEvent(
      access.tenantId,
      access.appId,
      endpointId,
      { eventType: String(eventType), payload: payload === undefined ? undefined : String(payload) },
      access.featureFlags,
    ),
  errorAs("Could not send"),
);

export const widgetAttemptResultAction = widgetAction(
  "ViewBase",
  async (access, endpointId: string, messageId: string) =>
    latestAttempt(access.tenantId, access.appId, endpointId, messageId),
);

export const widgetResendAction = widgetAction(
  "CreateAttempts",
  async (access, msgId: string, endpointId: string): Promise<{ error?: string }> => {
    await resendMessage(access.tenantId, access.appId, msgId, endpointId);
    revalidatePath(`${base(access.token)}/messages/${msgId}`);
    return {};
  },
  errorAs("Could not resend"),
);

/** Recovers this endpoint's failed and parked messages since a time (the API's background task). */
export const widgetRecoverAction = widgetFormAction(
  { capability: "CreateAttempts", schema: recoverForm },
  async ({ access, input }, endpointId: string): Promise<RecoverState> => {
    const task = await startRecover(access.tenantId, access.appId, endpointId, { since: input.since });
    return { taskId: task.id, appId: access.appId, endpointId, since: input.since.toISOString() };
  },
);

/** Where a recovery started here stands (the task and this endpoint's deliveries since then). */
export const widgetRecoveryProgressAction = widgetAction(
  "ViewBase",
  async (access, taskId: string, _appId: string, endpointId: string, since: string) =>
    recoveryStatus(access.tenantId, access.appId, endpointId, taskId, new Date(since)),
);

/** Whether the endpoint's URL can be reached (shown right after it is created in the widget). */
export const widgetCheckEndpointUrlAction = widgetAction("ViewBase", async (access, endpointId: string) =>
  checkEndpointUrl((await findEndpoint(access.tenantId, access.appId, endpointId)).url),
);

export const widgetSaveTransformationAction = widgetAction(
  "ManageTransformations",
  async (access, endpointId: string, next: unknown): Promise<{ error?: string }> => {
    await patchTransformation(access.tenantId, access.appId, endpointId, transformationPatch.parse(next));
    return {};
  },
  errorAs("Could not save the transformation"),
);

export const widgetTryTransformationAction = widgetAction(
  "ManageTransformations",
  async (access, endpointId: string, input: unknown): Promise<TransformationTry> =>
    tryTransformation(access.tenantId, access.appId, endpointId, input),
  (error): TransformationTry => ({ ok: false, ...errorAs("Could not run the transformation")(error) }),
);
