// GET/PUT/DELETE /api/v1/operational-webhook/endpoint/{endpoint_id} — one operational-webhook endpoint
import { ApiError, json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { deleteEndpoint } from "@/lib/endpoints/delete-endpoint";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";
import { serializeEndpoint } from "@/lib/endpoints/serialize-endpoint";
import { updateEndpoint } from "@/lib/endpoints/update-endpoint";
import { ensureOperationalApp, OPERATIONAL_APP } from "@/lib/operational/operational-app";
import { uid } from "@/lib/schemas/common";
import { operationalEndpointUpdate } from "@/lib/schemas/operational";

type Params = { endpoint_id: string };

export const GET = apiHandler<Params>(async ({ tenantId, params }) =>
  json(serializeEndpoint(await findEndpoint(tenantId, OPERATIONAL_APP, params.endpoint_id))),
);

// Svix's upsert: an unknown id that is a valid uid creates the endpoint with that uid.
export const PUT = apiHandler<Params>(async (ctx) => {
  const { endpoint_id } = ctx.params;
  const input = ctx.body(operationalEndpointUpdate);
  await ensureOperationalApp(ctx.tenantId);
  try {
    return json(
      serializeEndpoint(await updateEndpoint(ctx.tenantId, OPERATIONAL_APP, endpoint_id, input, true)),
    );
  } catch (error) {
    const missingEndpoint = error instanceof ApiError && error.detail === "Endpoint not found";
    if (!missingEndpoint || !uid.safeParse(endpoint_id).success) throw error;
    const created = await createEndpoint(ctx.tenantId, OPERATIONAL_APP, {
      ...input,
      uid: input.uid ?? endpoint_id,
    });
    return json(serializeEndpoint(created), 201);
  }
});

export const DELETE = apiHandler<Params>(async ({ tenantId, params }) => {
  await deleteEndpoint(tenantId, OPERATIONAL_APP, params.endpoint_id);
  return new Response(null, { status: 204 });
});
