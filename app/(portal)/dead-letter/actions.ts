"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { portalAction, portalFormAction } from "@/lib/actions/portal-action";
import { resendAllMatching } from "@/lib/delivery/resend-all-matching";
import { recoveryStatus } from "@/lib/messages/recovery-progress";
import { resendMessage } from "@/lib/messages/resend-message";
import { type RecoverState, recoverForm } from "@/lib/schemas/recover-form";
import { startRecover } from "@/lib/tasks/start-tasks";

/** The queue's filter, kept across an action. */
function backTo(form: FormData): Record<string, string> {
  const keep: Record<string, string> = {};
  for (const key of ["status", "endpoint"]) {
    const value = form.get(key);
    if (typeof value === "string" && value) keep[key] = value;
  }
  return keep;
}

/**
 * Resends the selected failed deliveries (`app:msg:endpoint` triples), each checked against the
 * tenant; one that cannot be resent (disabled endpoint, expunged content) is counted, not fatal.
 * Back to the queue with what happened.
 */
export const resendSelectedAction = portalAction("member", async (member, form: FormData) => {
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
});

/** Every delivery matching the queue's filter sent again, as one recovery task per endpoint. */
export const resendAllMatchingAction = portalAction("member", async (member, form: FormData) => {
  const { tasks, disabled } = await resendAllMatching(member.tenant.id, {
    status: form.get("status") === "parked" ? "parked" : "failed",
    endpointId: String(form.get("endpoint") ?? "") || undefined,
  });
  revalidatePath("/dead-letter");
  redirect(
    `/dead-letter?${new URLSearchParams({ ...backTo(form), tasks: String(tasks), disabled: String(disabled) })}`,
  );
});

/** Starts a recovery (the API's background task) and hands back its id for the progress poll. */
export const recoverAction = portalFormAction(
  { role: "member", schema: recoverForm },
  async ({ member, input }): Promise<RecoverState> => {
    const [appId, endpointId] = (input.endpoint ?? "").split(":");
    if (!appId || !endpointId) return { fieldErrors: { endpoint: "Choose an endpoint." } };
    const task = await startRecover(member.tenant.id, appId, endpointId, { since: input.since });
    revalidatePath("/dead-letter");
    return { taskId: task.id, appId, endpointId, since: input.since.toISOString() };
  },
);

/** Where a recovery stands: the task (how many it queued) and those deliveries' states since `since`. */
export const recoveryProgressAction = portalAction(
  "member",
  async (member, taskId: string, appId: string, endpointId: string, since: string) =>
    recoveryStatus(member.tenant.id, appId, endpointId, taskId, new Date(since)),
);
