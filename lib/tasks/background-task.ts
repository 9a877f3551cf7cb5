import { notFound } from "@/lib/api/errors";
import { type ListQuery, paginate } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { BackgroundTaskStatus, Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import { jobDriver } from "@/lib/jobs/job-driver";

// Svix's background tasks: a long job (recover, replay, bulk replay, expunge all contents, usage
// statistics) answered at once with a task id, run in bounded steps by the job driver
// (lib/tasks/run-task-step.ts), listed and polled through /api/v1/background-task.

export const TASK_TYPES = [
  "endpoint.replay",
  "endpoint.recover",
  "application.stats",
  "message.broadcast",
  "sdk.generate",
  "event-type.aggregate",
  "application.purge_content",
  "endpoint.bulk-replay",
] as const;
export type TaskType = (typeof TASK_TYPES)[number];

export interface TaskRow {
  id: string;
  task: string;
  status: BackgroundTaskStatus;
  data: Prisma.JsonValue;
  error: string | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

const taskSelect = {
  id: true,
  task: true,
  status: true,
  data: true,
  error: true,
  createdAt: true,
  updatedAt: true,
  finishedAt: true,
} as const;

/** Svix's BackgroundTaskOut (plus Hookline's `error` when it failed, and its times). */
export function serializeTask(t: TaskRow) {
  return {
    id: t.id,
    status: t.status,
    task: t.task,
    data: (t.data ?? {}) as Record<string, unknown>,
    updatedAt: t.updatedAt.toISOString(),
    createdAt: t.createdAt.toISOString(),
    finishedAt: t.finishedAt?.toISOString() ?? null,
    ...(t.error ? { error: t.error } : {}),
  };
}

/** Records a task and asks the job driver to run it. The sweep asks again if that request is lost. */
export async function startTask(
  tenantId: string,
  task: TaskType,
  params: Record<string, unknown>,
  data: Record<string, unknown> = {},
): Promise<TaskRow> {
  const created = await db.backgroundTask.create({
    data: {
      id: newId("qtask"),
      tenantId,
      task,
      params: params as Prisma.InputJsonValue,
      data: data as Prisma.InputJsonValue,
    },
    select: taskSelect,
  });
  await jobDriver()
    .requestTasks([created.id])
    .catch((error: unknown) => {
      console.error(
        `[hookline] Could not request task ${created.id} (${(error as Error).message}); the sweep will.`,
      );
    });
  return created;
}

export async function findTask(tenantId: string, id: string): Promise<TaskRow> {
  const task = await db.backgroundTask.findFirst({ where: { id, tenantId }, select: taskSelect });
  if (!task) throw notFound("Background task");
  return task;
}

export async function listTasks(
  tenantId: string,
  query: ListQuery,
  filters: { status?: BackgroundTaskStatus; task?: string },
) {
  return paginate(
    query,
    ({ after, before, ascending, take }) =>
      db.backgroundTask.findMany({
        where: {
          tenantId,
          status: filters.status,
          task: filters.task,
          id: after ? { gt: after } : before ? { lt: before } : undefined,
        },
        orderBy: { id: ascending ? "asc" : "desc" },
        take,
        select: taskSelect,
      }),
    (t) => t.id,
  );
}

/**
 * Requests every running task whose last step is older than BACKGROUND_TASK_STALE (its request was
 * lost, or the worker running it died holding its job).
 */
export async function requestStaleTasks(now: Date): Promise<number> {
  const stale = await db.backgroundTask.findMany({
    where: { status: "running", updatedAt: { lt: new Date(now.getTime() - env().BACKGROUND_TASK_STALE) } },
    select: { id: true },
    take: 1000,
  });
  if (stale.length === 0) return 0;
  // Touched, so the next sweep leaves them a minute to run.
  await db.backgroundTask.updateMany({
    where: { id: { in: stale.map((t) => t.id) }, status: "running" },
    data: { updatedAt: now },
  });
  await jobDriver().requestTasks(stale.map((t) => t.id));
  return stale.length;
}
