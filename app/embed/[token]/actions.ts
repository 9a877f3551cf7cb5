"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { RecoverState } from "@/app/(portal)/dead-letter/actions";
import { latestAttempt } from "@/lib/attempts/latest-attempt";
import { checkEndpointUrl } from "@/lib/endpoints/check-endpoint-url";
import { deleteEndpoint } from "@/lib/endpoints/delete-endpoint";
import { currentSecret, rotateSecret } from "@/lib/endpoints/endpoint-secrets";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";
import { saveEndpointForm } from "@/lib/endpoints/save-endpoint-form";
import { updateEndpoint } from "@/lib/endpoints/update-endpoint";
import { type RecoveryStatus, recoveryStatus } from "@/lib/messages/recovery-progress";
import { resendMessage } from "@/lib/messages/resend-message";
import { sendTestEvent } from "@/lib/messages/send-test-event";
import { type FormState, formProblem } from "@/lib/portal/form-state";
import { apiDate } from "@/lib/schemas/common";
import { startRecover } from "@/lib/tasks/start-tasks";
import { requireWidgetAccess } from "@/lib/widget/widget-access";

// The widget's actions. The token (bound by the page) is the only credential: each action
// re-checks it and the capability it needs, and works only inside the token's application
// (findEndpoint and friends take the token's tenant and application, never the browser's word).
// Changes redirect with ?event=… so the page can tell the host (widget.js) what happened.

const base = (token: string) => `/embed/${token}`;

async function formAccess(token: string, capability: "ManageEndpoint") {
  try {
    return { access: await requireWidgetAccess(token, capability) };
  } catch (error) {
    return { problem: formProblem(error) };
  }
}

export async function widgetCreateEndpointAction(
  token: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  const { access, problem } = await formAccess(token, "ManageEndpoint");
  if (!access) return problem;
  const result = await saveEndpointForm(access.tenantId, access.appId, null, form, {
    featureFlags: access.featureFlags,
  });
  if (!("endpointId" in result)) return result;
  redirect(`${base(token)}/endpoints/${result.endpointId}?event=endpoint.created&id=${result.endpointId}`);
}

export async function widgetSaveEndpointAction(
  token: string,
  endpointId: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  const { access, problem } = await formAccess(token, "ManageEndpoint");
  if (!access) return problem;
  const result = await saveEndpointForm(access.tenantId, access.appId, endpointId, form, {
    featureFlags: access.featureFlags,
  });
  if (!("endpointId" in result)) return result;
  redirect(`${base(token)}/endpoints/${result.endpointId}?event=endpoint.updated&id=${result.endpointId}`);
}

export async function widgetDeleteEndpointAction(token: string, endpointId: string): Promise<void> {
  const access = await requireWidgetAccess(token, "ManageEndpoint");
  await deleteEndpoint(access.tenantId, access.appId, endpointId);
  redirect(`${base(token)}?event=endpoint.deleted&id=${endpointId}`);
}

export async function widgetSetEnabledAction(
  token: string,
  endpointId: string,
  enable: boolean,
): Promise<void> {
  const access = await requireWidgetAccess(token, "ManageEndpoint");
  await updateEndpoint(
    access.tenantId,
    access.appId,
    endpointId,
    { disabled: !enable },
    false,
    "Disabled in your webhook settings",
  );
  redirect(
    `${base(token)}/endpoints/${endpointId}?event=endpoint.${enable ? "enabled" : "disabled"}&id=${endpointId}`,
  );
}

export async function widgetRevealSecretAction(token: string, endpointId: string): Promise<string> {
  const access = await requireWidgetAccess(token, "ViewEndpointSecret");
  return currentSecret((await findEndpoint(access.tenantId, access.appId, endpointId)).id);
}

export async function widgetRotateSecretAction(token: string, endpointId: string) {
  const access = await requireWidgetAccess(token, "ManageEndpointSecret");
  const endpoint = await findEndpoint(access.tenantId, access.appId, endpointId);
  const { previousValidUntil } = await rotateSecret(endpoint.id);
  return { previousValidUntil: previousValidUntil.toISOString() };
}

export async function widgetSendTestEventAction(
  token: string,
  endpointId: string,
  eventType: string,
  payload?: string,
) {
  try {
    const access = await requireWidgetAccess(token, "CreateAttempts");
    return await sendTestEvent(
      access.tenantId,
      access.appId,
      endpointId,
      { eventType: String(eventType), payload: payload === undefined ? undefined : String(payload) },
      access.featureFlags,
    );
  } catch (error) {
    return { error: formProblem(error).error ?? "Could not send" };
  }
}

export async function widgetAttemptResultAction(token: string, endpointId: string, messageId: string) {
  const access = await requireWidgetAccess(token);
  return latestAttempt(access.tenantId, access.appId, endpointId, messageId);
}

export async function widgetResendAction(
  token: string,
  msgId: string,
  endpointId: string,
): Promise<{ error?: string }> {
  try {
    const access = await requireWidgetAccess(token, "CreateAttempts");
    await resendMessage(access.tenantId, access.appId, msgId, endpointId);
  } catch (error) {
    return { error: formProblem(error).error ?? "Could not resend" };
  }
  revalidatePath(`${base(token)}/messages/${msgId}`);
  return {};
}

/** Recovers this endpoint's failed and parked messages since a time (the API's background task). */
export async function widgetRecoverAction(
  token: string,
  endpointId: string,
  _prev: RecoverState,
  form: FormData,
): Promise<RecoverState> {
  try {
    const access = await requireWidgetAccess(token, "CreateAttempts");
    const since = new Date(String(form.get("since") ?? ""));
    if (!apiDate.safeParse(since).success) return { error: "Choose a start date and time." };
    const task = await startRecover(access.tenantId, access.appId, endpointId, { since });
    return { taskId: task.id, appId: access.appId, endpointId, since: since.toISOString() };
  } catch (error) {
    return { error: formProblem(error).error ?? "Could not start the recovery" };
  }
}

/** Where a recovery started here stands (the task and this endpoint's deliveries since then). */
export async function widgetRecoveryProgressAction(
  token: string,
  taskId: string,
  _appId: string,
  endpointId: string,
  since: string,
): Promise<RecoveryStatus> {
  const access = await requireWidgetAccess(token);
  return recoveryStatus(access.tenantId, access.appId, endpointId, taskId, new Date(since));
}

/** Whether the endpoint's URL can be reached (shown right after it is created in the widget). */
export async function widgetCheckEndpointUrlAction(token: string, endpointId: string) {
  const access = await requireWidgetAccess(token);
  return checkEndpointUrl((await findEndpoint(access.tenantId, access.appId, endpointId)).url);
}
