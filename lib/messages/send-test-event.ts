import { env } from "@/lib/env";
import { hiddenEventTypes } from "@/lib/event-types/event-type-catalogue";
import { sendExample } from "@/lib/messages/send-example";
import { formProblem } from "@/lib/portal/form-state";

/** The edited test payload as an object, or why it cannot be sent. */
function parsePayload(text: string): { payload: Record<string, unknown> } | { error: string } {
  try {
    const payload: unknown = JSON.parse(text);
    if (payload === null || typeof payload !== "object" || Array.isArray(payload))
      return { error: "The payload must be a JSON object ({ … })." };
    return { payload: payload as Record<string, unknown> };
  } catch (error) {
    return { error: `The payload is not valid JSON: ${(error as Error).message}` };
  }
}

/**
 * "Send test event" in the portal and the widget: the event type's example, or `payload` (the
 * JSON text the user edited), to one endpoint. With `featureFlags` (a widget token's), only an
 * event type that token may see.
 */
export async function sendTestEvent(
  tenantId: string,
  appId: string,
  endpointId: string,
  input: { eventType: string; payload?: string },
  featureFlags?: string[],
): Promise<{ messageId?: string; error?: string }> {
  const { eventType } = input;
  const edited = input.payload === undefined ? undefined : parsePayload(input.payload);
  if (edited && "error" in edited) return { error: edited.error };
  try {
    if (featureFlags && (await hiddenEventTypes(tenantId, [eventType], featureFlags)).length > 0)
      return { error: `Unknown event type: ${eventType}` };
    const { message } = await sendExample(
      tenantId,
      appId,
      endpointId,
      { eventType, exampleIndex: 0, payload: edited?.payload },
      { maxPayloadBytes: env().MESSAGE_MAX_PAYLOAD_BYTES },
    );
    return { messageId: message.id };
  } catch (error) {
    const p = formProblem(error);
    return { error: p.error ?? Object.values(p.fieldErrors ?? {})[0] ?? "Could not send" };
  }
}
