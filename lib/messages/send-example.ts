import { ValidationFailed } from "@/lib/api/errors";
import type { IdempotencyClaim } from "@/lib/api/idempotency";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";
import { eventTypeExample } from "@/lib/event-types/event-type-example";
import { findEventType } from "@/lib/event-types/find-event-type";
import { createMessage } from "@/lib/messages/create-message";

/**
 * Sends an example of an event type to one endpoint: the `exampleIndex`th example of the event
 * type's newest JSON schema, or a small placeholder when the schema has none.
 */
export async function sendExample(
  tenantId: string,
  appIdOrUid: string,
  endpointIdOrUid: string,
  /** `payload` (internal callers only: the portal's edited test event) replaces the example. */
  input: { eventType: string; exampleIndex: number; payload?: Record<string, unknown> },
  options: { maxPayloadBytes: number; idempotency?: IdempotencyClaim | null },
) {
  const endpoint = await findEndpoint(tenantId, appIdOrUid, endpointIdOrUid);
  const eventType = await findEventType(tenantId, input.eventType).catch(() => {
    throw new ValidationFailed([
      {
        loc: ["body", "eventType"],
        msg: `Event type '${input.eventType}' does not exist`,
        type: "value_error.unknown_event_type",
      },
    ]);
  });
  const payload = input.payload ??
    eventTypeExample(eventType.schemas, input.exampleIndex) ?? {
      type: eventType.name,
      example: true,
    };
  return createMessage(
    tenantId,
    endpoint.applicationId,
    { eventType: eventType.name, payload },
    { ...options, onlyEndpointId: endpoint.id },
  );
}
