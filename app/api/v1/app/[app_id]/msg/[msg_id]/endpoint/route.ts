// GET /api/v1/app/{app_id}/msg/{msg_id}/endpoint — the endpoints this message went to, with status
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { listQuery } from "@/lib/api/pagination";
import { listMessageDestinations } from "@/lib/messages/list-message-destinations";

type Params = { app_id: string; msg_id: string };

export const GET = apiHandler<Params>(async (ctx) =>
  json(
    await listMessageDestinations(ctx.tenantId, ctx.params.app_id, ctx.params.msg_id, ctx.query(listQuery())),
  ),
);
