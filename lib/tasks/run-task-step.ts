import { db } from "@/lib/db";
import { isDatabaseUnavailable } from "@/lib/db/database-errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { withDeliveries } from "@/lib/jobs/with-deliveries";
import { TASK_HANDLERS } from "@/lib/tasks/task-handlers";

export type StepOutcome = "more" | "finished" | "failed" | "busy" | "gone";

/**
 * One bounded step of a background task, in one transaction with the task's row locked: the
 * handler does a batch of work (and may request deliveries), and the task's cursor, data and
 * status are saved with it, so a crash redoes at most this step. "busy": another worker holds the
 * task right now; "gone": it is finished, failed or deleted. A handler's own error fails the task
 * with its message; the database being away is thrown, so the job is retried.
 */
export async function runTaskStep(taskId: string, now = new Date()): Promise<StepOutcome> {
  try {
    return await withDeliveries(async (tx, enqueue) => {
      const [task] = await tx.$queryRaw<
        {
          id: string;
          tenantId: string;
          task: string;
          params: Prisma.JsonValue;
          state: Prisma.JsonValue;
          data: Prisma.JsonValue;
        }[]
      >`SELECT id, "tenantId", task, params, state, data FROM "BackgroundTask"
         WHERE id = ${taskId} AND status = 'running' FOR UPDATE SKIP LOCKED`;
      if (!task) {
        const exists = await tx.backgroundTask.findFirst({
          where: { id: taskId, status: "running" },
          select: { id: true },
        });
        return exists ? "busy" : "gone";
      }
      const handler = TASK_HANDLERS[task.task];
      if (!handler) throw new TaskFailed(`Hookline cannot run ${task.task} tasks`);
      const result = await handler({
        tx,
        enqueue,
        now,
        tenantId: task.tenantId,
        params: task.params as Record<string, unknown>,
        state: task.state as Record<string, unknown>,
        data: task.data as Record<string, unknown>,
      });
      await tx.backgroundTask.update({
        where: { id: task.id },
        data: {
          state: result.state as Prisma.InputJsonValue,
          data: result.data as Prisma.InputJsonValue,
          updatedAt: now,
          ...(result.done ? { status: "finished", finishedAt: now } : {}),
        },
        select: { id: true },
      });
      return result.done ? "finished" : "more";
    });
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw error;
    const message =
      error instanceof TaskFailed ? error.message : `Internal error: ${(error as Error).message}`;
    if (!(error instanceof TaskFailed)) console.error(`[hookline] Background task ${taskId} failed:`, error);
    await db.backgroundTask.updateMany({
      where: { id: taskId, status: "running" },
      data: { status: "failed", error: message.slice(0, 1000), updatedAt: now, finishedAt: now },
    });
    return "failed";
  }
}

/** A reason a task cannot go on that its caller should see (the endpoint was deleted, …). */
export class TaskFailed extends Error {}
