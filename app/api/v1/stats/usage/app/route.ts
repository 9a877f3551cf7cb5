// POST /api/v1/stats/usage/app — per-application usage over a window (a background task)
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { appUsageStatsIn } from "@/lib/schemas/background-task";
import { serializeTask } from "@/lib/tasks/background-task";
import { startAppUsageStats } from "@/lib/tasks/start-tasks";

export const POST = apiHandler(async (ctx) => {
  const { task, unresolvedAppIds } = await startAppUsageStats(ctx.tenantId, ctx.body(appUsageStatsIn));
  return json({ ...serializeTask(task), unresolvedAppIds }, 202);
});
