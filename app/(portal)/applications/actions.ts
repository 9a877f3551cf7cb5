"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ApiError, ValidationFailed } from "@/lib/api/errors";
import { createApplication } from "@/lib/applications/create-application";
import { deleteApplication } from "@/lib/applications/delete-application";
import { currentMember } from "@/lib/auth/current-member";
import { db } from "@/lib/db";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { currentSecret, rotateSecret } from "@/lib/endpoints/endpoint-secrets";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";
import { updateEndpoint } from "@/lib/endpoints/update-endpoint";
import { env } from "@/lib/env";
import { deliveryScheduler } from "@/lib/jobs/scheduler";
import { sendExample } from "@/lib/messages/send-example";
import { applicationIn } from "@/lib/schemas/application";
import { endpointIn } from "@/lib/schemas/endpoint";

export type FormState = {
  error?: string;
  fieldErrors?: Record<string, string>;
  // What was submitted, so a form with errors shows it again (React resets forms after an action).
  values?: Record<string, string>;
};

// Thin wrappers: session and tenant from the server, validation by the API's own schemas,
// one domain call. Errors come back as form state, never as a stack trace.
function problem(error: unknown): FormState {
  if (error instanceof ValidationFailed) {
    return { fieldErrors: Object.fromEntries(error.problems.map((p) => [p.loc.at(-1) ?? "form", p.msg])) };
  }
  if (error instanceof ApiError && error.status < 500) return { error: error.detail };
  throw error;
}

function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): FormState {
  return { fieldErrors: Object.fromEntries(issues.map((i) => [String(i.path[0] ?? "form"), i.message])) };
}

export async function createApplicationAction(_prev: FormState, form: FormData): Promise<FormState> {
  const member = await currentMember();
  const values = { name: String(form.get("name") ?? ""), uid: String(form.get("uid") ?? "") };
  const parsed = applicationIn.safeParse({ name: values.name, uid: values.uid || undefined });
  if (!parsed.success) return { ...fieldErrors(parsed.error.issues), values };
  let appId: string;
  try {
    appId = (await createApplication(member.tenant.id, parsed.data)).app.id;
  } catch (error) {
    return { ...problem(error), values };
  }
  redirect(`/applications/${appId}`);
}

export async function deleteApplicationAction(form: FormData): Promise<void> {
  const member = await currentMember();
  await deleteApplication(member.tenant.id, String(form.get("appId")));
  redirect("/applications");
}

export async function createEndpointAction(_prev: FormState, form: FormData): Promise<FormState> {
  const member = await currentMember();
  const appId = String(form.get("appId"));
  const eventTypes = form.getAll("eventTypes").map(String).filter(Boolean);
  const values = { url: String(form.get("url") ?? ""), description: String(form.get("description") ?? "") };
  const parsed = endpointIn.safeParse({
    url: values.url,
    description: values.description || undefined,
    eventTypes: eventTypes.length ? eventTypes : undefined,
  });
  if (!parsed.success) return { ...fieldErrors(parsed.error.issues), values };
  let endpointId: string;
  try {
    endpointId = (await createEndpoint(member.tenant.id, appId, parsed.data)).id;
  } catch (error) {
    return { ...problem(error), values };
  }
  redirect(`/applications/${appId}/endpoints/${endpointId}`);
}

export async function setEndpointEnabledAction(form: FormData): Promise<void> {
  const member = await currentMember();
  const appId = String(form.get("appId"));
  const endpointId = String(form.get("endpointId"));
  await updateEndpoint(member.tenant.id, appId, endpointId, { disabled: form.get("enable") !== "true" });
  revalidatePath(`/applications/${appId}/endpoints/${endpointId}`);
}

export async function revealSecretAction(appId: string, endpointId: string): Promise<string> {
  const member = await currentMember();
  const endpoint = await findEndpoint(member.tenant.id, appId, endpointId);
  return currentSecret(endpoint.id);
}

export async function rotateSecretAction(
  appId: string,
  endpointId: string,
): Promise<{ previousValidUntil: string }> {
  const member = await currentMember();
  const endpoint = await findEndpoint(member.tenant.id, appId, endpointId);
  const { previousValidUntil } = await rotateSecret(endpoint.id);
  revalidatePath(`/applications/${appId}/endpoints/${endpointId}`);
  return { previousValidUntil: previousValidUntil.toISOString() };
}

export async function sendTestEventAction(
  appId: string,
  endpointId: string,
  eventType: string,
): Promise<{ messageId?: string; error?: string }> {
  const member = await currentMember();
  try {
    const { message } = await sendExample(
      member.tenant.id,
      appId,
      endpointId,
      { eventType, exampleIndex: 0 },
      {
        scheduler: deliveryScheduler(),
        maxPayloadBytes: env().MESSAGE_MAX_PAYLOAD_BYTES,
      },
    );
    return { messageId: message.id };
  } catch (error) {
    const p = problem(error);
    return { error: p.error ?? Object.values(p.fieldErrors ?? {})[0] ?? "Could not send" };
  }
}

/** The latest attempt of a message at an endpoint, for the "send test event" result. */
export async function attemptResultAction(messageId: string, endpointId: string) {
  const member = await currentMember();
  const attempt = await db.messageAttempt.findFirst({
    where: { tenantId: member.tenant.id, messageId, endpointId },
    orderBy: { createdAt: "desc" },
    select: { outcome: true, responseStatusCode: true, durationMs: true, errorMessage: true },
  });
  return attempt;
}
