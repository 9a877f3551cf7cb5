import type { DeliveryRequest, JobDriver } from "@/lib/jobs/delivery-request";

// Inngest accepts a few thousand events per send; stay well inside it.
const EVENTS_PER_SEND = 500;

/**
 * Inngest cannot join our transaction, so nothing happens inside it: the delivery rows are the
 * outbox (pending, with their due time). After the commit, one `delivery.requested` event per
 * delivery. If that send fails (Inngest unreachable, the process killed) the caller is not told:
 * the deliveries exist, and the sweep requests every pending delivery overdue by more than
 * DELIVERY_ORPHAN_GRACE. Continuations are not sent: the deliver function that is driving the
 * delivery sleeps until its next attempt itself.
 *
 * The Inngest SDK is loaded on the first send: every process that can create deliveries imports
 * this driver, and under JOBS_DRIVER=graphile the SDK would only cost memory (~25 MiB RSS).
 */
export const inngestDriver: JobDriver = {
  name: "inngest",
  async inTransaction() {},
  async afterCommit(requests: readonly DeliveryRequest[]) {
    const [{ inngest }, { deliveryRequested }] = await Promise.all([
      import("@/lib/jobs/inngest/client"),
      import("@/lib/jobs/inngest/events"),
    ]);
    const events = requests
      .filter((r) => !r.continuation)
      .map((r) =>
        deliveryRequested.create({
          deliveryId: r.deliveryId,
          endpointId: r.endpointId,
          trigger: r.trigger ?? "scheduled",
        }),
      );
    for (let i = 0; i < events.length; i += EVENTS_PER_SEND) {
      try {
        await inngest.send(events.slice(i, i + EVENTS_PER_SEND));
      } catch (error) {
        console.error(
          `[hookline] Could not send ${events.length - i} delivery events to Inngest (${(error as Error).message}); the sweep will request them again.`,
        );
        return;
      }
    }
  },
  async requestTasks(taskIds) {
    const [{ inngest }, { backgroundTaskRequested }] = await Promise.all([
      import("@/lib/jobs/inngest/client"),
      import("@/lib/jobs/inngest/events"),
    ]);
    await inngest.send(taskIds.map((taskId) => backgroundTaskRequested.create({ taskId })));
  },
};
