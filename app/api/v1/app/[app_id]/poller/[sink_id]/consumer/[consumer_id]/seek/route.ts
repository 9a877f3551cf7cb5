// POST /api/v1/app/{app_id}/poller/{sink_id}/consumer/{consumer_id}/seek — start this consumer after a time
import { json, ValidationFailed } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { consumerSeek } from "@/lib/poller/poller";
import { consumerId, consumerSeekIn } from "@/lib/schemas/poller";

type Params = { app_id: string; sink_id: string; consumer_id: string };

export const POST = apiHandler<Params>(async (ctx) => {
  if (!consumerId.safeParse(ctx.params.consumer_id).success)
    throw new ValidationFailed([
      { loc: ["path", "consumer_id"], msg: "is not a valid consumer id", type: "value_error" },
    ]);
  const { after } = ctx.body(consumerSeekIn);
  return json(
    await consumerSeek(ctx.tenantId, ctx.params.app_id, ctx.params.sink_id, ctx.params.consumer_id, after),
  );
});
