// GET/PUT /api/v1/operational-webhook/endpoint/{endpoint_id}/headers — custom headers sent with every event

import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { presentHeaders, saveHeaders } from "@/lib/endpoints/endpoint-headers";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";
import { openHeaders } from "@/lib/endpoints/header-box";
import { OPERATIONAL_APP } from "@/lib/operational/operational-app";
import { headersIn } from "@/lib/schemas/endpoint";

type Params = { endpoint_id: string };

export const GET = apiHandler<Params>(async ({ tenantId, params }) => {
  const endpoint = await findEndpoint(tenantId, OPERATIONAL_APP, params.endpoint_id);
  return json(presentHeaders(openHeaders(endpoint.headers)));
});

export const PUT = apiHandler<Params>(async (ctx) => {
  const change = ctx.body(headersIn);
  const endpoint = await findEndpoint(ctx.tenantId, OPERATIONAL_APP, ctx.params.endpoint_id);
  await saveHeaders(ctx.tenantId, endpoint.id, openHeaders(endpoint.headers), change, true);
  return new Response(null, { status: 204 });
});
