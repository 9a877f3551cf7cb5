"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { canManageKeys, currentMember } from "@/lib/auth/current-member";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { deleteEndpoint } from "@/lib/endpoints/delete-endpoint";
import { currentSecret } from "@/lib/endpoints/endpoint-secrets";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";
import { ensureOperationalApp, OPERATIONAL_APP } from "@/lib/operational/operational-app";
import { type FormState, formProblem } from "@/lib/portal/form-state";
import { endpointUrl } from "@/lib/schemas/endpoint";

// The tenant's own operational webhooks (endpoint.disabled, message.attempt.exhausted, …), the
// portal's twin of /api/v1/operational-webhook/endpoint. Owners and admins only: they reach the
// tenant's own systems.

const OWNERS_ONLY = "Only owners and admins can change operational webhooks.";

export async function addOperationalEndpointAction(_prev: FormState, form: FormData): Promise<FormState> {
  const member = await currentMember();
  const values = { url: String(form.get("url") ?? "").trim() };
  if (!canManageKeys(member.role)) return { error: OWNERS_ONLY, values };
  const url = endpointUrl.safeParse(values.url);
  if (!url.success) return { fieldErrors: { url: url.error.issues[0]?.message ?? "Enter a URL" }, values };
  const eventTypes = z.array(z.string()).parse(form.getAll("eventTypes").map(String));
  try {
    await ensureOperationalApp(member.tenant.id);
    await createEndpoint(member.tenant.id, OPERATIONAL_APP, { url: url.data, eventTypes });
  } catch (error) {
    return { ...formProblem(error), values };
  }
  revalidatePath("/operational-webhooks");
  return { saved: true };
}

export async function deleteOperationalEndpointAction(endpointId: string): Promise<void> {
  const member = await currentMember();
  if (!canManageKeys(member.role)) throw new Error(OWNERS_ONLY);
  await deleteEndpoint(member.tenant.id, OPERATIONAL_APP, endpointId);
  revalidatePath("/operational-webhooks");
}

export async function revealOperationalSecretAction(endpointId: string): Promise<string> {
  const member = await currentMember();
  if (!canManageKeys(member.role)) throw new Error(OWNERS_ONLY);
  return currentSecret((await findEndpoint(member.tenant.id, OPERATIONAL_APP, endpointId)).id);
}
