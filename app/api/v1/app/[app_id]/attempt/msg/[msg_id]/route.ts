// GET /api/v1/app/{app_id}/attempt/msg/{msg_id} — attempts made for a message (?status, ?endpoint_id)
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { listAttempts } from "@/lib/attempts/list-attempts";
import { serializeAttempt } from "@/lib/attempts/serialize-attempt";
import { findMessage } from "@/lib/messages/find-message";
import { attemptListQuery } from "@/lib/schemas/attempt";

type Params = { app_id: string; msg_id: string };

export const GET = apiHandler<Params>(async (ctx) => {
  const q = ctx.query(attemptListQuery);
  const { message } = await findMessage(ctx.tenantId, ctx.params.app_id, ctx.params.msg_id);
  const page = await listAttempts(ctx.tenantId, ctx.params.app_id, q, {
    ...q,
    endpointId: q.endpoint_id,
    messageId: message.id,
  });
  return json({ ...page, data: page.data.map(serializeAttempt) });
});
