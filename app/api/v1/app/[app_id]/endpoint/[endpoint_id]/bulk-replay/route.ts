// POST /api/v1/app/{app_id}/endpoint/{endpoint_id}/bulk-replay — send again the deliveries that match filters (a background task)
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { bulkReplayIn } from "@/lib/schemas/message";
import { serializeTask } from "@/lib/tasks/background-task";
import { startBulkReplay } from "@/lib/tasks/start-tasks";

type Params = { app_id: string; endpoint_id: string };

export const POST = apiHandler<Params>(async (ctx) => {
  const input = ctx.body(bulkReplayIn);
  const task = await startBulkReplay(ctx.tenantId, ctx.params.app_id, ctx.params.endpoint_id, input);
  return json(serializeTask(task), 202);
});
