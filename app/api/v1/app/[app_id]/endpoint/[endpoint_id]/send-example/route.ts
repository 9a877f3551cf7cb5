// POST /api/v1/app/{app_id}/endpoint/{endpoint_id}/send-example — send an event type's example to this endpoint
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { env } from "@/lib/env";
import { replayMessage } from "@/lib/messages/replay-message";
import { sendExample } from "@/lib/messages/send-example";
import { serializeMessage } from "@/lib/messages/serialize-message";
import { eventExampleIn } from "@/lib/schemas/message";

type Params = { app_id: string; endpoint_id: string };

export const POST = apiHandler<Params>(
  async (ctx) => {
    const { message } = await sendExample(
      ctx.tenantId,
      ctx.params.app_id,
      ctx.params.endpoint_id,
      ctx.body(eventExampleIn),
      { maxPayloadBytes: env().MESSAGE_MAX_PAYLOAD_BYTES, idempotency: ctx.idempotency },
    );
    return json(serializeMessage(message), 202);
  },
  { idempotency: (ctx) => replayMessage(ctx.tenantId, ctx.params.app_id) },
);
