// GET /api/v1/app/{app_id}/attempt/msg/{msg_id} — attempts made for a message, with Svix's filters
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { attemptFilters, listAttempts } from "@/lib/attempts/list-attempts";
import { serializeAttempt } from "@/lib/attempts/serialize-attempt";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";
import { findMessage } from "@/lib/messages/find-message";
import { attemptListQuery } from "@/lib/schemas/attempt";

type Params = { app_id: string; msg_id: string };

export const GET = apiHandler<Params>(async (ctx) => {
  const q = ctx.query(attemptListQuery);
  const { message } = await findMessage(ctx.tenantId, ctx.params.app_id, ctx.params.msg_id);
  // endpoint_id may be an id or a uid, as everywhere else.
  const endpoint = q.endpoint_id ? await findEndpoint(ctx.tenantId, ctx.params.app_id, q.endpoint_id) : null;
  const page = await listAttempts(ctx.tenantId, ctx.params.app_id, q, {
    ...attemptFilters(q),
    endpointId: endpoint?.id,
    messageId: message.id,
  });
  return json({ ...page, data: page.data.map((a) => serializeAttempt(a, q.with_content)) });
});
