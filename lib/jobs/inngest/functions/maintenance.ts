import { purgeIdempotencyKeys } from "@/lib/api/purge-idempotency-keys";
import { deliveryConfig } from "@/lib/delivery/config";
import { sweepOrphans } from "@/lib/delivery/sweep";
import { inngest } from "@/lib/jobs/inngest/client";
import { purgeStaleRows } from "@/lib/maintenance/purge-stale-rows";
import { deleteOldMessages } from "@/lib/messages/delete-old-messages";
import { retentionSweep } from "@/lib/messages/retention-sweep";
import { rollupAttempts } from "@/lib/stats/rollup-attempts";
import { requestStaleTasks } from "@/lib/tasks/background-task";

/**
 * Every minute: request background tasks that stopped moving, and deliveries whose run was lost (the sweep shared with graphile-worker; its
 * requests go out as `delivery.requested` events after its transaction commits). Once an hour,
 * roll attempts up per endpoint and hour, expunge content past each tenant's retention period,
 * delete messages past MESSAGE_RETENTION_DAYS, drop expired Idempotency-Keys, expired
 * widget tokens, old operational events, lapsed rate-limit counters and unconfirmed sign-ups.
 */
export const maintenance = inngest.createFunction(
  { id: "endpoint-health", triggers: [{ cron: "* * * * *" }] },
  async ({ step }) => {
    const rescheduled = await step.run("sweep-orphans", () =>
      sweepOrphans(new Date(), deliveryConfig().orphanGraceMs),
    );
    await step.run("stale-tasks", () => requestStaleTasks(new Date()));
    if (new Date().getMinutes() !== 0) return { rescheduled, retention: null };
    await step.run("rollup", async () => (await rollupAttempts(new Date())).toISOString());
    const retention = await step.run("retention", () => retentionSweep(new Date()));
    const deletedMessages = await step.run("delete-old-messages", () => deleteOldMessages(new Date()));
    const idempotencyKeys = await step.run("idempotency-keys", () => purgeIdempotencyKeys(new Date()));
    const stale = await step.run("stale-rows", () => purgeStaleRows(new Date()));
    return { rescheduled, retention, deletedMessages, idempotencyKeys, stale };
  },
);
