// GET /api/v1/app/{app_id}/poller/{sink_id}/consumer/{consumer_id} — read on from where this consumer left off
import { json, ValidationFailed } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { consumerPoll } from "@/lib/poller/poller";
import { consumerId, consumerPollQuery } from "@/lib/schemas/poller";

type Params = { app_id: string; sink_id: string; consumer_id: string };

export const GET = apiHandler<Params>(async (ctx) => {
  if (!consumerId.safeParse(ctx.params.consumer_id).success)
    throw new ValidationFailed([
      { loc: ["path", "consumer_id"], msg: "is not a valid consumer id", type: "value_error" },
    ]);
  return json(
    await consumerPoll(
      ctx.tenantId,
      ctx.params.app_id,
      ctx.params.sink_id,
      ctx.params.consumer_id,
      ctx.query(consumerPollQuery),
    ),
  );
});
