"use server";

import { revalidatePath } from "next/cache";
import { errorAs, portalAction } from "@/lib/actions/portal-action";
import { resendMessage } from "@/lib/messages/resend-message";

/** Resends one message to one endpoint of the tenant's application. */
export const resendToEndpointAction = portalAction(
  "member",
  async (member, appId: string, msgId: string, endpointId: string): Promise<{ error?: string }> => {
    await resendMessage(member.tenant.id, appId, msgId, endpointId);
    revalidatePath(`/applications/${appId}/messages/${msgId}`);
    return {};
  },
  errorAs("Could not resend"),
);
