// GET/PUT/PATCH /api/v1/app/{app_id}/endpoint/{endpoint_id}/headers — custom headers sent with every attempt

import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { presentHeaders, saveHeaders } from "@/lib/endpoints/endpoint-headers";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";
import { openHeaders } from "@/lib/endpoints/header-box";
import { headersIn, headersPatchIn } from "@/lib/schemas/endpoint";

type Params = { app_id: string; endpoint_id: string };

export const GET = apiHandler<Params>(async ({ tenantId, params }) => {
  const endpoint = await findEndpoint(tenantId, params.app_id, params.endpoint_id);
  return json(presentHeaders(openHeaders(endpoint.headers)));
});

export const PUT = apiHandler<Params>(async (ctx) => {
  const change = ctx.body(headersIn);
  const endpoint = await findEndpoint(ctx.tenantId, ctx.params.app_id, ctx.params.endpoint_id);
  await saveHeaders(ctx.tenantId, endpoint.id, openHeaders(endpoint.headers), change, true);
  return new Response(null, { status: 204 });
});

export const PATCH = apiHandler<Params>(async (ctx) => {
  const change = ctx.body(headersPatchIn);
  const endpoint = await findEndpoint(ctx.tenantId, ctx.params.app_id, ctx.params.endpoint_id);
  await saveHeaders(ctx.tenantId, endpoint.id, openHeaders(endpoint.headers), change, false);
  return new Response(null, { status: 204 });
});
