"use server";

import { revalidatePath } from "next/cache";
import { currentMember } from "@/lib/auth/current-member";
import { resendMessage } from "@/lib/messages/resend-message";
import { formProblem } from "@/lib/portal/form-state";

/** Resends one message to one endpoint of the tenant's application. */
export async function resendToEndpointAction(
  appId: string,
  msgId: string,
  endpointId: string,
): Promise<{ error?: string }> {
  const member = await currentMember();
  try {
    await resendMessage(member.tenant.id, appId, msgId, endpointId);
  } catch (error) {
    return { error: formProblem(error).error ?? "Could not resend" };
  }
  revalidatePath(`/applications/${appId}/messages/${msgId}`);
  return {};
}
