import { db } from "@/lib/db";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";
import { findTask } from "@/lib/tasks/background-task";

/** Deliveries of an endpoint whose message is from `since` on, counted by state (for a recovery's progress). */
export async function recoveryProgress(tenantId: string, appId: string, endpointId: string, since: Date) {
  const endpoint = await findEndpoint(tenantId, appId, endpointId);
  const rows = await db.delivery.groupBy({
    by: ["status"],
    where: { tenantId, endpointId: endpoint.id, message: { createdAt: { gte: since } } },
    _count: { _all: true },
  });
  const count = (s: string) => rows.find((r) => r.status === s)?._count._all ?? 0;
  return {
    waiting: count("pending") + count("sending"),
    succeeded: count("succeeded"),
    failed: count("failed") + count("parked"),
  };
}

export interface RecoveryStatus {
  status: "running" | "finished" | "failed";
  /** Deliveries the task has made pending again so far. */
  recovered: number;
  error?: string;
  waiting: number;
  succeeded: number;
  failed: number;
}

/** Where a recovery stands: its task (how many it queued) and the endpoint's deliveries since `since`. */
export async function recoveryStatus(
  tenantId: string,
  appId: string,
  endpointId: string,
  taskId: string,
  since: Date,
): Promise<RecoveryStatus> {
  const task = await findTask(tenantId, taskId);
  const counts = await recoveryProgress(tenantId, appId, endpointId, since);
  return {
    status: task.status,
    recovered: Number((task.data as { recovered?: number }).recovered ?? 0),
    ...(task.error ? { error: task.error } : {}),
    ...counts,
  };
}
