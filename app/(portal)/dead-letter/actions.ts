"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentMember } from "@/lib/auth/current-member";
import { resendAllMatching } from "@/lib/delivery/resend-all-matching";
import { type RecoveryStatus, recoveryStatus } from "@/lib/messages/recovery-progress";
import { resendMessage } from "@/lib/messages/resend-message";
import { apiDate } from "@/lib/schemas/common";
import { startRecover } from "@/lib/tasks/start-tasks";

/**
 * Resends the selected failed deliveries (`app:msg:endpoint` triples), each checked against the
 * tenant; one that cannot be resent (disabled endpoint, expunged content) is counted, not fatal.
 * Back to the queue with what happened.
 */
export async function resendSelectedAction(form: FormData): Promise<void> {
  const member = await currentMember();
  let sent = 0;
  let refused = 0;
  for (const value of form.getAll("delivery").map(String).slice(0, 500)) {
    const [appId, msgId, endpointId] = value.split(":");
    if (!appId || !msgId || !endpointId) continue;
    await resendMessage(member.tenant.id, appId, msgId, endpointId).then(
      () => sent++,
      () => refused++,
    );
  }
  revalidatePath("/dead-letter");
  redirect(
    `/dead-letter?${new URLSearchParams({ ...backTo(form), sent: String(sent), refused: String(refused) })}`,
  );
}

/** Every delivery matching the queue's filter sent again, as one recovery task per endpoint. */
export async function resendAllMatchingAction(form: FormData): Promise<void> {
  const member = await currentMember();
  const { tasks, disabled } = await resendAllMatching(member.tenant.id, {
    status: form.get("status") === "parked" ? "parked" : "failed",
    endpointId: String(form.get("endpoint") ?? "") || undefined,
  });
  revalidatePath("/dead-letter");
  redirect(
    `/dead-letter?${new URLSearchParams({ ...backTo(form), tasks: String(tasks), disabled: String(disabled) })}`,
  );
}

/** The queue's filter, kept across an action. */
function backTo(form: FormData): Record<string, string> {
  const keep: Record<string, string> = {};
  for (const key of ["status", "endpoint"]) {
    const value = form.get(key);
    if (typeof value === "string" && value) keep[key] = value;
  }
  return keep;
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
