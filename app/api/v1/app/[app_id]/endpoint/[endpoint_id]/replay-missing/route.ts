// POST /api/v1/app/{app_id}/endpoint/{endpoint_id}/replay-missing — send the endpoint what it never received since a time (a background task)
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { recoverIn } from "@/lib/schemas/message";
import { serializeTask } from "@/lib/tasks/background-task";
import { startReplayMissing } from "@/lib/tasks/start-tasks";

type Params = { app_id: string; endpoint_id: string };

export const POST = apiHandler<Params>(async (ctx) => {
  const input = ctx.body(recoverIn);
  const task = await startReplayMissing(ctx.tenantId, ctx.params.app_id, ctx.params.endpoint_id, input);
  return json(serializeTask(task), 202);
});
