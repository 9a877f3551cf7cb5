// GET /api/v1/app/{app_id}/msg — list messages; POST — send one (fan-out, signed delivery, retries)
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { listQuery } from "@/lib/api/pagination";
import { env } from "@/lib/env";
import { createMessage } from "@/lib/messages/create-message";
import { listMessages } from "@/lib/messages/list-messages";
import { serializeMessage } from "@/lib/messages/serialize-message";
import { messageFilters, messageIn } from "@/lib/schemas/message";

type Params = { app_id: string };

export const GET = apiHandler<Params>(async (ctx) => {
  const filters = ctx.query(messageFilters.extend(listQuery().shape));
  const page = await listMessages(ctx.tenantId, ctx.params.app_id, filters, filters);
  return json({ ...page, data: page.data.map((m) => serializeMessage(m, filters.with_content)) });
});

export const POST = apiHandler<Params>(async (ctx) => {
  const { with_content } = ctx.query(messageFilters.pick({ with_content: true }));
  const { message } = await createMessage(ctx.tenantId, ctx.params.app_id, ctx.body(messageIn), {
    maxPayloadBytes: env().MESSAGE_MAX_PAYLOAD_BYTES,
  });
  return json(serializeMessage(message, with_content), 202);
});
