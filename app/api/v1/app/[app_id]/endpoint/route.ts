// GET /api/v1/app/{app_id}/endpoint — list endpoints; POST — create one
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { listQuery } from "@/lib/api/pagination";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { listEndpoints } from "@/lib/endpoints/list-endpoints";
import { serializeEndpoint } from "@/lib/endpoints/serialize-endpoint";
import { endpointIn } from "@/lib/schemas/endpoint";

type Params = { app_id: string };

export const GET = apiHandler<Params>(async (ctx) => {
  const page = await listEndpoints(ctx.tenantId, ctx.params.app_id, ctx.query(listQuery()));
  return json({ ...page, data: page.data.map(serializeEndpoint) });
});

export const POST = apiHandler<Params>(async (ctx) =>
  json(serializeEndpoint(await createEndpoint(ctx.tenantId, ctx.params.app_id, ctx.body(endpointIn))), 201),
);
