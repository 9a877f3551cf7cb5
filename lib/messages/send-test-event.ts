import { env } from "@/lib/env";
import { hiddenEventTypes } from "@/lib/event-types/event-type-catalogue";
import { sendExample } from "@/lib/messages/send-example";
import { formProblem } from "@/lib/portal/form-state";

/**
 * "Send test event" in the portal and the widget: the event type's example to one endpoint. With
 * `featureFlags` (a widget token's), only an event type that token may see.
 */
export async function sendTestEvent(
  tenantId: string,
  appId: string,
  endpointId: string,
  eventType: string,
  featureFlags?: string[],
): Promise<{ messageId?: string; error?: string }> {
  try {
    if (featureFlags && (await hiddenEventTypes(tenantId, [eventType], featureFlags)).length > 0)
      return { error: `Unknown event type: ${eventType}` };
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
