// GET /api/v1/app/{app_id}/msg/{msg_id} — one message, by id or eventId; with an API key, or with the
// short-lived fetch token of a thin payload (`Authorization: Bearer hkft_…` or `?token=`)
import { json, toErrorResponse } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { isFetchToken } from "@/lib/messages/fetch-token";
import { findMessage } from "@/lib/messages/find-message";
import { findMessageByToken } from "@/lib/messages/find-message-by-token";
import { serializeMessage } from "@/lib/messages/serialize-message";
import { messageFilters } from "@/lib/schemas/message";

const withContentQuery = messageFilters.pick({ with_content: true });

type Params = { app_id: string; msg_id: string };

const withApiKey = apiHandler<Params>(async (ctx) => {
  const { with_content } = ctx.query(withContentQuery);
  const { message } = await findMessage(ctx.tenantId, ctx.params.app_id, ctx.params.msg_id);
  return json(serializeMessage(message, with_content));
});

export async function GET(req: Request, route: { params: Promise<Params> }): Promise<Response> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.get("authorization") ?? "")?.[1];
  const token = bearer && isFetchToken(bearer) ? bearer : new URL(req.url).searchParams.get("token");
  if (!token) return withApiKey(req, route);
  try {
    const params = await route.params;
    return json(serializeMessage(await findMessageByToken(token, params.app_id, params.msg_id)));
  } catch (error) {
    return toErrorResponse(error);
  }
}
