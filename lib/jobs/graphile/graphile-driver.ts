import { pgPool } from "@/lib/db";
import type { DeliveryRequest, JobDriver, RunSql } from "@/lib/jobs/delivery-request";

export const DELIVER_TASK = "deliver";
export const SWEEP_TASK = "sweep";
export const RETENTION_TASK = "retention";
export const BACKGROUND_TASK = "background-task";

/** Deliveries one job carries at most (a job is taken by one worker, which attempts them together). */
export const DELIVERIES_PER_JOB = 100;

/**
 * graphile-worker: jobs are rows in graphile_worker's tables, added by SQL in the caller's
 * transaction, so they exist exactly when the deliveries they are for exist. One `add_jobs` call
 * per transaction, whatever the number. Deliveries due at the same time go in one job (a new
 * message's fan-out, a batch of messages accepted together), up to DELIVERIES_PER_JOB; a job for a
 * single delivery has the key `dlv:<id>`, so a re-requested delivery (a retry, a resend, the
 * sweep) replaces its waiting job rather than adding a second one.
 */
export const graphileDriver: JobDriver = {
  name: "graphile",
  async inTransaction(sql: RunSql, requests: readonly DeliveryRequest[]) {
    const jobs = new Map<string, DeliveryRequest[]>();
    const latest = new Map<string, DeliveryRequest>();
    for (const r of requests) latest.set(r.deliveryId, r);
    for (const r of latest.values()) {
      const group = `${r.runAt.getTime()} ${r.trigger ?? "scheduled"}`;
      const list = jobs.get(group) ?? [];
      list.push(r);
      jobs.set(group, list);
    }
    const payloads: string[] = [];
    const runAts: string[] = [];
    const keys: (string | null)[] = [];
    for (const list of jobs.values()) {
      for (let i = 0; i < list.length; i += DELIVERIES_PER_JOB) {
        const chunk = list.slice(i, i + DELIVERIES_PER_JOB);
        payloads.push(
          JSON.stringify({
            deliveryIds: chunk.map((r) => r.deliveryId),
            endpointIds: chunk.map((r) => r.endpointId),
            trigger: chunk[0]!.trigger ?? "scheduled",
          }),
        );
        runAts.push(chunk[0]!.runAt.toISOString());
        keys.push(chunk.length === 1 ? `dlv:${chunk[0]!.deliveryId}` : null);
      }
    }
    await sql(
      `SELECT count(*)::int AS jobs FROM graphile_worker.add_jobs((
         SELECT array_agg(ROW($1, j.payload::json, NULL, j.run_at, 5, j.key, NULL, NULL)::graphile_worker.job_spec)
           FROM unnest($2::text[], $3::timestamptz[], $4::text[]) AS j(payload, run_at, key)))`,
      [DELIVER_TASK, payloads, runAts, keys],
      "hookline_add_delivery_jobs",
    );
  },
  async afterCommit() {},
  // One job per task under the key `task:<id>`, so a task asked for twice waits in one job.
  async requestTasks(taskIds) {
    await pgPool().query(
      `SELECT graphile_worker.add_job($1, json_build_object('taskId', t.id), job_key := 'task:' || t.id, max_attempts := 25)
         FROM unnest($2::text[]) AS t(id)`,
      [BACKGROUND_TASK, taskIds],
    );
  },
};
