// GET /api/v1/app/{app_id}/poller/{sink_id} — read the application's messages that a polling endpoint's filters take
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { poll } from "@/lib/poller/poller";
import { pollQuery } from "@/lib/schemas/poller";

type Params = { app_id: string; sink_id: string };

export const GET = apiHandler<Params>(async (ctx) => {
  const q = ctx.query(pollQuery);
  return json(
    await poll(ctx.tenantId, ctx.params.app_id, ctx.params.sink_id, {
      limit: q.limit,
      iterator: q.iterator,
      eventType: q.event_type,
      channel: q.channel,
      after: q.after,
    }),
  );
});
