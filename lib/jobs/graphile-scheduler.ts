import type { DeliveryScheduler, ScheduledDelivery, Tx } from "@/lib/delivery/scheduler";

// Jobs are rows in graphile_worker's tables, added by SQL in the caller's transaction: they exist
// exactly when the deliveries they are for exist. One `add_jobs` call per batch, whatever its size.
// The job key makes a re-scheduled delivery replace its waiting job rather than add a second one.
export const DELIVER_TASK = "deliver";
export const SWEEP_TASK = "sweep";
export const RETENTION_TASK = "retention";

export const graphileScheduler: DeliveryScheduler = {
  async schedule(tx: Tx, deliveries: ScheduledDelivery[]) {
    if (deliveries.length === 0) return;
    const ids = deliveries.map((d) => d.deliveryId);
    const runAts = deliveries.map((d) => d.runAt.toISOString());
    const triggers = deliveries.map((d) => d.trigger ?? "scheduled");
    await tx.$executeRaw`
      SELECT graphile_worker.add_jobs(
        array_agg(ROW(${DELIVER_TASK}, json_build_object('deliveryId', d.id, 'trigger', d.trigger), NULL, d.run_at, 5,
                      'dlv:' || d.id, NULL, NULL)::graphile_worker.job_spec))
        FROM unnest(${ids}::text[], ${runAts}::timestamptz[], ${triggers}::text[]) AS d(id, run_at, trigger)`;
  },
};
