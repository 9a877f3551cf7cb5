// GET /api/v1/inspector/{inspector_id}/request — what it received, newest first; ?endpoint_id= checks signatures
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { listInspectorRequests } from "@/lib/inspector/list-requests";
import { inspectorRequestQuery } from "@/lib/schemas/inspector";

type Params = { inspector_id: string };

export const GET = apiHandler<Params>(async (ctx) =>
  json(await listInspectorRequests(ctx.tenantId, ctx.params.inspector_id, ctx.query(inspectorRequestQuery))),
);
