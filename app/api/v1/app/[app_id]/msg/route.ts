// GET /api/v1/app/{app_id}/msg — list messages; POST — send one (fan-out, signed delivery, retries)
import { json } from "@/lib/api/errors";
import { type ApiContext, apiHandler } from "@/lib/api/handler";
import { listQuery } from "@/lib/api/pagination";
import { spendMessages } from "@/lib/api/reserved-limiter";
import { env } from "@/lib/env";
import { createMessage } from "@/lib/messages/create-message";
import { listMessages } from "@/lib/messages/list-messages";
import { replayMessage } from "@/lib/messages/replay-message";
import { serializeMessage } from "@/lib/messages/serialize-message";
import { messageFilters, messageIn } from "@/lib/schemas/message";

type Params = { app_id: string };

export const GET = apiHandler<Params>(async (ctx) => {
  const filters = ctx.query(listFilters);
  const page = await listMessages(ctx.tenantId, ctx.params.app_id, filters, filters);
  return json({ ...page, data: page.data.map((m) => serializeMessage(m, filters.with_content)) });
});

// Built once (zod compiles a schema on its first use).
const listFilters = messageFilters.extend(listQuery().shape);
const withContentQuery = messageFilters.pick({ with_content: true });
const withContent = (ctx: ApiContext<Params>) => ctx.query(withContentQuery).with_content;

export const POST = apiHandler<Params>(
  async (ctx) => {
    const input = ctx.body(messageIn);
    await spendMessages(ctx.tenantId);
    const { message } = await createMessage(ctx.tenantId, ctx.params.app_id, input, {
      maxPayloadBytes: env().MESSAGE_MAX_PAYLOAD_BYTES,
      idempotency: ctx.idempotency,
    });
    return json(serializeMessage(message, withContent(ctx)), 202);
  },
  // The key is recorded with the message; a replay reads the message as it is now (expunged or not).
  { idempotency: (ctx) => replayMessage(ctx.tenantId, ctx.params.app_id, withContent(ctx)) },
);
