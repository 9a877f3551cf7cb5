import type { DeliveryRequest, JobDriver, Tx } from "@/lib/jobs/delivery-request";

export const DELIVER_TASK = "deliver";
export const SWEEP_TASK = "sweep";
export const RETENTION_TASK = "retention";

/**
 * graphile-worker: jobs are rows in graphile_worker's tables, added by SQL in the caller's
 * transaction, so they exist exactly when the deliveries they are for exist. One `add_jobs` call
 * per transaction, whatever the number. The job key makes a re-requested delivery replace its
 * waiting job rather than add a second one.
 */
export const graphileDriver: JobDriver = {
  name: "graphile",
  async inTransaction(tx: Tx, requests: readonly DeliveryRequest[]) {
    const ids = requests.map((r) => r.deliveryId);
    const runAts = requests.map((r) => r.runAt.toISOString());
    const triggers = requests.map((r) => r.trigger ?? "scheduled");
    await tx.$executeRaw`
      SELECT graphile_worker.add_jobs(
        array_agg(ROW(${DELIVER_TASK}, json_build_object('deliveryId', d.id, 'trigger', d.trigger), NULL, d.run_at, 5,
                      'dlv:' || d.id, NULL, NULL)::graphile_worker.job_spec))
        FROM unnest(${ids}::text[], ${runAts}::timestamptz[], ${triggers}::text[]) AS d(id, run_at, trigger)`;
  },
  async afterCommit() {},
};
