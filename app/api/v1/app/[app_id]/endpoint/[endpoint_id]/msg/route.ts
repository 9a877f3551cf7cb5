// GET /api/v1/app/{app_id}/endpoint/{endpoint_id}/msg — the messages attempted at an endpoint, with their status there
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { listEndpointMessages } from "@/lib/messages/list-endpoint-messages";
import { endpointMessagesQuery } from "@/lib/schemas/attempt";

type Params = { app_id: string; endpoint_id: string };

export const GET = apiHandler<Params>(async (ctx) => {
  const q = ctx.query(endpointMessagesQuery);
  return json(
    await listEndpointMessages(ctx.tenantId, ctx.params.app_id, ctx.params.endpoint_id, q, {
      status: q.status,
      eventTypes: q.event_types,
      channel: q.channel,
      tag: q.tag,
      before: q.before,
      after: q.after,
      withContent: q.with_content,
    }),
  );
});
