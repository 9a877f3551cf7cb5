import { eventType } from "inngest";
import { z } from "zod";

// Every event the Inngest driver sends or receives, with its schema, in one place.

/** A message was accepted; its deliveries exist and are pending. */
export const messageCreated = eventType("hookline/message.created", {
  schema: z.object({ messageId: z.string() }),
});

/** One delivery should be attempted now (fan-out, resend, recover, or the sweep). */
export const deliveryRequested = eventType("hookline/delivery.requested", {
  schema: z.object({
    deliveryId: z.string(),
    endpointId: z.string(),
    trigger: z.enum(["scheduled", "manual"]),
  }),
});
