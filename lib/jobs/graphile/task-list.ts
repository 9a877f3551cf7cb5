import type { TaskList } from "graphile-worker";
import { z } from "zod";
import { purgeIdempotencyKeys } from "@/lib/api/purge-idempotency-keys";
import type { DeliveryConfig } from "@/lib/delivery/config";
import type { DeliveryDispatcher } from "@/lib/delivery/delivery-dispatcher";
import { sweepOrphans } from "@/lib/delivery/sweep";
import { deliveryTrigger } from "@/lib/jobs/delivery-request";
import {
  BACKGROUND_TASK,
  DELIVER_TASK,
  RETENTION_TASK,
  SWEEP_TASK,
} from "@/lib/jobs/graphile/graphile-driver";
import { purgeStaleRows } from "@/lib/maintenance/purge-stale-rows";
import { deleteOldMessages } from "@/lib/messages/delete-old-messages";
import { retentionSweep } from "@/lib/messages/retention-sweep";
import { rollupAttempts } from "@/lib/stats/rollup-attempts";
import { requestStaleTasks } from "@/lib/tasks/background-task";
import { runTaskStep } from "@/lib/tasks/run-task-step";

const RETENTION_EVERY_MS = 60 * 60 * 1000;
/** How long one background-task job steps before it queues the rest (other jobs get their turn). */
const TASK_SLICE_MS = 5_000;
const taskPayload = z.object({ taskId: z.string().regex(/^qtask_\w+$/) });

const deliveryId = z.string().regex(/^dlv_\w+$/);
const deliverPayload = z.union([
  z
    .object({
      deliveryIds: z.array(deliveryId).min(1).max(1000),
      // Parallel to deliveryIds; lets the dispatcher turn away an endpoint at its limit unclaimed.
      endpointIds: z.array(z.string().regex(/^ep_\w+$/)).optional(),
      trigger: deliveryTrigger.default("scheduled"),
    })
    .refine((p) => !p.endpointIds || p.endpointIds.length === p.deliveryIds.length, "endpointIds must match")
    .transform((p) => ({
      deliveries: p.deliveryIds.map((id, i) => ({ id, endpointId: p.endpointIds?.[i] })),
      trigger: p.trigger,
    })),
  // Jobs added before deliveries were grouped (one delivery each).
  z
    .object({ deliveryId, trigger: deliveryTrigger.default("scheduled") })
    .transform(({ deliveryId, trigger }) => ({ deliveries: [{ id: deliveryId }], trigger })),
]);

/**
 * The graphile-worker tasks: thin calls into lib/delivery. A `deliver` job is done once its
 * deliveries' attempts are under way (the dispatcher runs them). `sweep` and `retention` re-add
 * themselves under a fixed job key, so exactly one of each is ever waiting.
 */
export function taskList(
  config: DeliveryConfig,
  dispatcher: DeliveryDispatcher,
  sweepEveryMs: number,
  log: (line: string) => void,
): TaskList {
  return {
    [DELIVER_TASK]: async (payload) => {
      const job = deliverPayload.parse(payload);
      await dispatcher.dispatch(job.deliveries, job.trigger);
    },
    [SWEEP_TASK]: async (_payload, helpers) => {
      const count = await sweepOrphans(new Date(), config.orphanGraceMs);
      if (count > 0) log(`Requested ${count} orphaned or overdue deliveries again.`);
      const tasks = await requestStaleTasks(new Date());
      if (tasks > 0) log(`Requested ${tasks} background tasks that had stopped moving.`);
      await helpers.addJob(
        SWEEP_TASK,
        {},
        { jobKey: SWEEP_TASK, runAt: new Date(Date.now() + sweepEveryMs) },
      );
    },
    // Steps for up to TASK_SLICE_MS, then the task gives the worker back and queues its next slice.
    [BACKGROUND_TASK]: async (payload, helpers) => {
      const { taskId } = taskPayload.parse(payload);
      const until = Date.now() + TASK_SLICE_MS;
      let outcome = await runTaskStep(taskId);
      while (outcome === "more" && Date.now() < until) outcome = await runTaskStep(taskId);
      if (outcome === "more")
        await helpers.addJob(BACKGROUND_TASK, { taskId }, { jobKey: `task:${taskId}`, maxAttempts: 25 });
    },
    [RETENTION_TASK]: async (_payload, helpers) => {
      // Roll the complete hours up first: the 7- and 30-day charts read them.
      await rollupAttempts(new Date());
      const { messages, attempts } = await retentionSweep(new Date());
      const deleted = await deleteOldMessages(new Date());
      if (deleted > 0) log(`Retention: deleted ${deleted} messages past MESSAGE_RETENTION_DAYS.`);
      if (messages + attempts > 0)
        log(`Retention: expunged ${messages} payloads and ${attempts} response bodies.`);
      const keys = await purgeIdempotencyKeys(new Date());
      if (keys > 0) log(`Dropped ${keys} expired Idempotency-Keys.`);
      const stale = await purgeStaleRows(new Date());
      if (Object.values(stale).some((n) => n > 0))
        log(
          `Dropped ${stale.widgetTokens} expired widget tokens, ${stale.operationalEvents} old operational events, ${stale.rateLimits} lapsed rate-limit counters, ${stale.signUps} unconfirmed sign-ups, ${stale.inspectors} expired inspectors and ${stale.relayExchanges} stale relayed requests.`,
        );
      await helpers.addJob(
        RETENTION_TASK,
        {},
        { jobKey: RETENTION_TASK, runAt: new Date(Date.now() + RETENTION_EVERY_MS) },
      );
    },
  };
}
