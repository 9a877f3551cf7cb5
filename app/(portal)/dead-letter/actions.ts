"use server";

import { revalidatePath } from "next/cache";
import { currentMember } from "@/lib/auth/current-member";
import { recoverEndpoint } from "@/lib/messages/recover-endpoint";
import { recoveryProgress } from "@/lib/messages/recovery-progress";
import { resendMessage } from "@/lib/messages/resend-message";
import { apiDate } from "@/lib/schemas/common";

/** Resends the selected failed deliveries (`app:msg:endpoint` triples), each checked against the tenant. */
export async function resendSelectedAction(form: FormData): Promise<void> {
  const member = await currentMember();
  for (const value of form.getAll("delivery").map(String).slice(0, 500)) {
    const [appId, msgId, endpointId] = value.split(":");
    if (appId && msgId && endpointId) await resendMessage(member.tenant.id, appId, msgId, endpointId);
  }
  revalidatePath("/dead-letter");
}

export type RecoverState = {
  recovered?: number;
  error?: string;
  appId?: string;
  endpointId?: string;
  since?: string;
};

export async function recoverAction(_prev: RecoverState, form: FormData): Promise<RecoverState> {
  const member = await currentMember();
  const [appId, endpointId] = String(form.get("endpoint") ?? "").split(":");
  const since = new Date(String(form.get("since") ?? ""));
  if (!appId || !endpointId) return { error: "Choose an endpoint." };
  if (!apiDate.safeParse(since).success) return { error: "Choose a start date and time." };
  const { recovered } = await recoverEndpoint(member.tenant.id, appId, endpointId, { since });
  revalidatePath("/dead-letter");
  return { recovered, appId, endpointId, since: since.toISOString() };
}

/** How far a recovery has got: deliveries of the endpoint since `since`, by state. */
export async function recoveryProgressAction(appId: string, endpointId: string, since: string) {
  const member = await currentMember();
  return recoveryProgress(member.tenant.id, appId, endpointId, new Date(since));
}
