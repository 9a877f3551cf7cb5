// GET /api/v1/background-task — the tenant's background tasks (?status, ?task), newest first
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { backgroundTaskQuery } from "@/lib/schemas/background-task";
import { listTasks, serializeTask } from "@/lib/tasks/background-task";

export const GET = apiHandler(async (ctx) => {
  const q = ctx.query(backgroundTaskQuery);
  const page = await listTasks(ctx.tenantId, q, { status: q.status, task: q.task });
  return json({ ...page, data: page.data.map(serializeTask) });
});
