// GET /api/v1/app/{app_id}/msg/{msg_id} — one message, by id or eventId
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { findMessage } from "@/lib/messages/find-message";
import { serializeMessage } from "@/lib/messages/serialize-message";
import { messageFilters } from "@/lib/schemas/message";

type Params = { app_id: string; msg_id: string };

export const GET = apiHandler<Params>(async (ctx) => {
  const { with_content } = ctx.query(messageFilters.pick({ with_content: true }));
  const { message } = await findMessage(ctx.tenantId, ctx.params.app_id, ctx.params.msg_id);
  return json(serializeMessage(message, with_content));
});
