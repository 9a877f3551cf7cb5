// POST /api/v1/app/{app_id}/endpoint/{endpoint_id}/recover — resend failed and parked deliveries since a time (a background task)
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { recoverIn } from "@/lib/schemas/message";
import { serializeTask } from "@/lib/tasks/background-task";
import { startRecover } from "@/lib/tasks/start-tasks";

type Params = { app_id: string; endpoint_id: string };

export const POST = apiHandler<Params>(async (ctx) => {
  const input = ctx.body(recoverIn);
  return json(
    serializeTask(await startRecover(ctx.tenantId, ctx.params.app_id, ctx.params.endpoint_id, input)),
    202,
  );
});
