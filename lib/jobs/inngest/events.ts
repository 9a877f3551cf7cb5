import { eventType } from "inngest";
import { z } from "zod";
import { deliveryTrigger } from "@/lib/jobs/delivery-request";

// Every event the Inngest driver sends or receives, with its schema: Inngest validates the data
// when an event is sent and again before a function runs.

/** One delivery should be attempted now (a new message, a resend, a recovery, the sweep). */
export const deliveryRequested = eventType("hookline/delivery.requested", {
  schema: z.object({
    deliveryId: z.string().regex(/^dlv_\w+$/),
    endpointId: z.string().regex(/^ep_\w+$/),
    trigger: deliveryTrigger,
  }),
});

/** A background task (lib/tasks) should take its next steps. */
export const backgroundTaskRequested = eventType("hookline/background-task.requested", {
  schema: z.object({ taskId: z.string().regex(/^qtask_\w+$/) }),
});
