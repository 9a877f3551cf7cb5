// GET/PUT/DELETE /api/v1/operational-webhook/endpoint/{endpoint_id} — one operational-webhook endpoint
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { deleteEndpoint } from "@/lib/endpoints/delete-endpoint";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";
import { serializeEndpoint } from "@/lib/endpoints/serialize-endpoint";
import { updateEndpoint } from "@/lib/endpoints/update-endpoint";
import { OPERATIONAL_APP } from "@/lib/operational/operational-app";
import { operationalEndpointUpdate } from "@/lib/schemas/operational";

type Params = { endpoint_id: string };

export const GET = apiHandler<Params>(async ({ tenantId, params }) =>
  json(serializeEndpoint(await findEndpoint(tenantId, OPERATIONAL_APP, params.endpoint_id))),
);

export const PUT = apiHandler<Params>(async (ctx) => {
  const input = ctx.body(operationalEndpointUpdate);
  return json(
    serializeEndpoint(
      await updateEndpoint(ctx.tenantId, OPERATIONAL_APP, ctx.params.endpoint_id, input, true),
    ),
  );
});

export const DELETE = apiHandler<Params>(async ({ tenantId, params }) => {
  await deleteEndpoint(tenantId, OPERATIONAL_APP, params.endpoint_id);
  return new Response(null, { status: 204 });
});
