import { env } from "@/lib/env";
import { sendExample } from "@/lib/messages/send-example";
import { formProblem } from "@/lib/portal/form-state";

/** "Send test event" in the portal and the widget: the event type's example to one endpoint. */
export async function sendTestEvent(
  tenantId: string,
  appId: string,
  endpointId: string,
  eventType: string,
): Promise<{ messageId?: string; error?: string }> {
  try {
    const { message } = await sendExample(
      tenantId,
      appId,
      endpointId,
      { eventType, exampleIndex: 0 },
      { maxPayloadBytes: env().MESSAGE_MAX_PAYLOAD_BYTES },
    );
    return { messageId: message.id };
  } catch (error) {
    const p = formProblem(error);
    return { error: p.error ?? Object.values(p.fieldErrors ?? {})[0] ?? "Could not send" };
  }
}
