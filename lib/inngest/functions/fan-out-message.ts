import { db } from "@/lib/db";
import { inngest } from "@/lib/inngest/client";
import { deliveryRequested, messageCreated } from "@/lib/inngest/events";

/** On `message.created`: load the message's pending deliveries and request each one. */
export const fanOutMessage = inngest.createFunction(
  { id: "fan-out-message", triggers: [messageCreated] },
  async ({ event, step }) => {
    const deliveries = await step.run("load-deliveries", () =>
      db.delivery.findMany({
        where: { messageId: event.data.messageId, status: "pending" },
        select: { id: true, endpointId: true },
      }),
    );
    if (deliveries.length > 0) {
      await step.sendEvent(
        "request-deliveries",
        deliveries.map((d) =>
          deliveryRequested.create({ deliveryId: d.id, endpointId: d.endpointId, trigger: "scheduled" }),
        ),
      );
    }
    return { requested: deliveries.length };
  },
);
