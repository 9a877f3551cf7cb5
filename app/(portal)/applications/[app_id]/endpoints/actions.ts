"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { latestAttempt } from "@/lib/attempts/latest-attempt";
import { currentMember } from "@/lib/auth/current-member";
import { checkEndpointUrl } from "@/lib/endpoints/check-endpoint-url";
import { deleteEndpoint } from "@/lib/endpoints/delete-endpoint";
import { currentSecret, rotateSecret } from "@/lib/endpoints/endpoint-secrets";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";
import { saveEndpointForm } from "@/lib/endpoints/save-endpoint-form";
import { updateEndpoint } from "@/lib/endpoints/update-endpoint";
import { sendTestEvent } from "@/lib/messages/send-test-event";
import type { FormState } from "@/lib/portal/form-state";

// The portal's endpoint actions: the tenant comes from the session, the application and endpoint
// ids are bound by the page; each is one domain call (the widget binds the same calls to a token).

const endpointPath = (appId: string, endpointId: string) => `/applications/${appId}/endpoints/${endpointId}`;

export async function createEndpointAction(
  appId: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  const member = await currentMember();
  const result = await saveEndpointForm(member.tenant.id, appId, null, form);
  if (!("endpointId" in result)) return result;
  redirect(`${endpointPath(appId, result.endpointId)}?created=1`);
}

export async function saveEndpointAction(
  appId: string,
  endpointId: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  const member = await currentMember();
  const result = await saveEndpointForm(member.tenant.id, appId, endpointId, form);
  if (!("endpointId" in result)) return result;
  revalidatePath(endpointPath(appId, endpointId));
  return { saved: true };
}

export async function deleteEndpointAction(appId: string, endpointId: string): Promise<void> {
  const member = await currentMember();
  await deleteEndpoint(member.tenant.id, appId, endpointId);
  redirect(`/applications/${appId}`);
}

export async function setEndpointEnabledAction(
  appId: string,
  endpointId: string,
  enable: boolean,
): Promise<void> {
  const member = await currentMember();
  await updateEndpoint(
    member.tenant.id,
    appId,
    endpointId,
    { disabled: !enable },
    false,
    `Disabled in the portal by ${member.user.email}`,
  );
  revalidatePath(endpointPath(appId, endpointId));
}

export async function revealSecretAction(appId: string, endpointId: string): Promise<string> {
  const member = await currentMember();
  return currentSecret((await findEndpoint(member.tenant.id, appId, endpointId)).id);
}

export async function rotateSecretAction(
  appId: string,
  endpointId: string,
): Promise<{ previousValidUntil: string }> {
  const member = await currentMember();
  const endpoint = await findEndpoint(member.tenant.id, appId, endpointId);
  const { previousValidUntil } = await rotateSecret(endpoint.id);
  revalidatePath(endpointPath(appId, endpointId));
  return { previousValidUntil: previousValidUntil.toISOString() };
}

export async function sendTestEventAction(
  appId: string,
  endpointId: string,
  eventType: string,
  payload?: string,
) {
  const member = await currentMember();
  return sendTestEvent(member.tenant.id, appId, endpointId, {
    eventType: String(eventType),
    payload: payload === undefined ? undefined : String(payload),
  });
}

export async function attemptResultAction(appId: string, endpointId: string, messageId: string) {
  const member = await currentMember();
  return latestAttempt(member.tenant.id, appId, endpointId, messageId);
}

/** Whether the endpoint's URL can be reached (shown right after it is created). */
export async function checkEndpointUrlAction(appId: string, endpointId: string) {
  const member = await currentMember();
  return checkEndpointUrl((await findEndpoint(member.tenant.id, appId, endpointId)).url);
}
