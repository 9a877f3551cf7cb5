"use server";

import { revalidatePath } from "next/cache";
import { currentMember } from "@/lib/auth/current-member";
import { recoveryProgress } from "@/lib/messages/recovery-progress";
import { resendMessage } from "@/lib/messages/resend-message";
import { apiDate } from "@/lib/schemas/common";
import { findTask } from "@/lib/tasks/background-task";
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

export type RecoveryProgress = {
  status: "running" | "finished" | "failed";
  recovered: number;
  error?: string;
  waiting: number;
  succeeded: number;
  failed: number;
};

/** Where a recovery stands: the task (how many it queued) and those deliveries' states since `since`. */
export async function recoveryProgressAction(
  taskId: string,
  appId: string,
  endpointId: string,
  since: string,
): Promise<RecoveryProgress> {
  const member = await currentMember();
  const task = await findTask(member.tenant.id, taskId);
  const counts = await recoveryProgress(member.tenant.id, appId, endpointId, new Date(since));
  return {
    status: task.status,
    recovered: Number((task.data as { recovered?: number }).recovered ?? 0),
    ...(task.error ? { error: task.error } : {}),
    ...counts,
  };
}
