// POST /api/v1/app/{app_id}/endpoint/{endpoint_id}/recover — resend failed and parked deliveries since a time
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { recoverEndpoint } from "@/lib/messages/recover-endpoint";
import { recoverIn } from "@/lib/schemas/message";

type Params = { app_id: string; endpoint_id: string };

export const POST = apiHandler<Params>(async (ctx) => {
  const input = ctx.body(recoverIn);
  const task = await recoverEndpoint(ctx.tenantId, ctx.params.app_id, ctx.params.endpoint_id, input);
  return json(
    {
      id: task.id,
      status: "finished",
      task: "endpoint.recover",
      updatedAt: new Date().toISOString(),
      recovered: task.recovered,
    },
    202,
  );
});
