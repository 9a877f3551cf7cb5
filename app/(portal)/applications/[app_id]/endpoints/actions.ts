"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { errorAs, portalAction, portalFormAction } from "@/lib/actions/portal-action";
import { latestAttempt } from "@/lib/attempts/latest-attempt";
import { checkEndpointUrl } from "@/lib/endpoints/check-endpoint-url";
import { deleteEndpoint } from "@/lib/endpoints/delete-endpoint";
import { rotateSecret, verificationKey } from "@/lib/endpoints/endpoint-secrets";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";
import { keyTypeOf } from "@/lib/endpoints/generate-secret";
import { saveEndpointForm } from "@/lib/endpoints/save-endpoint-form";
import { updateEndpoint } from "@/lib/endpoints/update-endpoint";
import { sendTestEvent } from "@/lib/messages/send-test-event";
import type { FormState } from "@/lib/portal/form-state";
import { transformationPatch } from "@/lib/schemas/transformation";
import { patchTransformation } from "@/lib/transformations/endpoint-transformation";
import { type TransformationTry, tryTransformation } from "@/lib/transformations/try-transformation";

// The portal's endpoint actions: the tenant comes from the session, the application and endpoint
// ids are bound by the page; each is one domain call (the widget binds the same calls to a token).

const endpointPath = (appId: string, endpointId: string) => `/applications/${appId}/endpoints/${endpointId}`;

export const createEndpointAction = portalFormAction(
  { role: "member" },
  async ({ member, form }, appId: string): Promise<FormState> => {
    const result = await saveEndpointForm(member.tenant.id, appId, null, form);
    if (!("endpointId" in result)) return result;
    redirect(`${endpointPath(appId, result.endpointId)}?created=1`);
  },
);

export const saveEndpointAction = portalFormAction(
  { role: "member" },
  async ({ member, form }, appId: string, endpointId: string): Promise<FormState> => {
    const result = await saveEndpointForm(member.tenant.id, appId, endpointId, form);
    if (!("endpointId" in result)) return result;
    revalidatePath(endpointPath(appId, endpointId));
    return { saved: true };
  },
);

export const deleteEndpointAction = portalAction(
  "member",
  async (member, appId: string, endpointId: string) => {
    await deleteEndpoint(member.tenant.id, appId, endpointId);
    redirect(`/applications/${appId}`);
  },
);

export const setEndpointEnabledAction = portalAction(
  "member",
  async (member, appId: string, endpointId: string, enable: boolean) => {
    await updateEndpoint(
      member.tenant.id,
      appId,
      endpointId,
      { disabled: !enable },
      false,
      `Disabled in the portal by ${member.user.email}`,
    );
    revalidatePath(endpointPath(appId, endpointId));
  },
);

export const revealSecretAction = portalAction("member", async (member, appId: string, endpointId: string) =>
  verificationKey((await findEndpoint(member.tenant.id, appId, endpointId)).id),
);

export const rotateSecretAction = portalAction(
  "member",
  async (member, appId: string, endpointId: string, keyType?: "hmac" | "ed25519") => {
    const endpoint = await findEndpoint(member.tenant.id, appId, endpointId);
    const { previousValidUntil } = await rotateSecret(endpoint.id, null, null, keyTypeOf(keyType));
    revalidatePath(endpointPath(appId, endpointId));
    return { previousValidUntil: previousValidUntil.toISOString() };
  },
);

export const sendTestEventAction = portalAction(
  "member",
  async (member, appId: string, endpointId: string, eventType: string, payload?: string) =>
    sendTestEvent(member.tenant.id, appId, endpointId, {
      eventType: String(eventType),
      payload: payload === undefined ? undefined : String(payload),
    }),
);

export const attemptResultAction = portalAction(
  "member",
  async (member, appId: string, endpointId: string, messageId: string) =>
    latestAttempt(member.tenant.id, appId, endpointId, messageId),
);

/** Whether the endpoint's URL can be reached (shown right after it is created). */
export const checkEndpointUrlAction = portalAction(
  "member",
  async (member, appId: string, endpointId: string) =>
    checkEndpointUrl((await findEndpoint(member.tenant.id, appId, endpointId)).url),
);

export const saveTransformationAction = portalAction(
  "member",
  async (member, appId: string, endpointId: string, next: unknown): Promise<{ error?: string }> => {
    await patchTransformation(member.tenant.id, appId, endpointId, transformationPatch.parse(next));
    revalidatePath(endpointPath(appId, endpointId));
    return {};
  },
  errorAs("Could not save the transformation"),
);

export const tryTransformationAction = portalAction(
  "member",
  async (member, appId: string, endpointId: string, input: unknown): Promise<TransformationTry> =>
    tryTransformation(member.tenant.id, appId, endpointId, input),
  (error): TransformationTry => ({ ok: false, ...errorAs("Could not run the transformation")(error) }),
);
