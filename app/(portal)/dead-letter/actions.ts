"use server";

import { revalidatePath } from "next/cache";
import { currentMember } from "@/lib/auth/current-member";
import { type RecoveryStatus, recoveryStatus } from "@/lib/messages/recovery-progress";
import { resendMessage } from "@/lib/messages/resend-message";
import { apiDate } from "@/lib/schemas/common";
import { startRecover } from "@/lib/tasks/start-tasks";

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
  taskId?: string;
  error?: string;
  appId?: string;
  endpointId?: string;
  since?: string;
};

/** Starts a recovery (the API's background task) and hands back its id for the progress poll. */
export async function recoverAction(_prev: RecoverState, form: FormData): Promise<RecoverState> {
  const member = await currentMember();
  const [appId, endpointId] = String(form.get("endpoint") ?? "").split(":");
  const since = new Date(String(form.get("since") ?? ""));
  if (!appId || !endpointId) return { error: "Choose an endpoint." };
  if (!apiDate.safeParse(since).success) return { error: "Choose a start date and time." };
  const task = await startRecover(member.tenant.id, appId, endpointId, { since });
  revalidatePath("/dead-letter");
  return { taskId: task.id, appId, endpointId, since: since.toISOString() };
}

export type { RecoveryStatus as RecoveryProgress } from "@/lib/messages/recovery-progress";

/** Where a recovery stands: the task (how many it queued) and those deliveries' states since `since`. */
export async function recoveryProgressAction(
  taskId: string,
  appId: string,
  endpointId: string,
  since: string,
): Promise<RecoveryStatus> {
  const member = await currentMember();
  return recoveryStatus(member.tenant.id, appId, endpointId, taskId, new Date(since));
}
