// GET /api/v1/operational-webhook/endpoint — the tenant's operational-webhook endpoints; POST — add one
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { listQuery } from "@/lib/api/pagination";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { listEndpoints } from "@/lib/endpoints/list-endpoints";
import { serializeEndpoint } from "@/lib/endpoints/serialize-endpoint";
import { ensureOperationalApp, OPERATIONAL_APP } from "@/lib/operational/operational-app";
import { operationalEndpointIn } from "@/lib/schemas/operational";

export const GET = apiHandler(async (ctx) => {
  await ensureOperationalApp(ctx.tenantId);
  const page = await listEndpoints(ctx.tenantId, OPERATIONAL_APP, ctx.query(listQuery()));
  return json({ ...page, data: page.data.map(serializeEndpoint) });
});

export const POST = apiHandler(async (ctx) => {
  const input = ctx.body(operationalEndpointIn);
  await ensureOperationalApp(ctx.tenantId);
  return json(serializeEndpoint(await createEndpoint(ctx.tenantId, OPERATIONAL_APP, input)), 201);
});
