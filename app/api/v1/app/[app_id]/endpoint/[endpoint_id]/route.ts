// GET/PUT/PATCH/DELETE /api/v1/app/{app_id}/endpoint/{endpoint_id} — one endpoint, by id or uid
import { ApiError, json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { createEndpoint } from "@/lib/endpoints/create-endpoint";
import { deleteEndpoint } from "@/lib/endpoints/delete-endpoint";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";
import { serializeEndpoint } from "@/lib/endpoints/serialize-endpoint";
import { updateEndpoint } from "@/lib/endpoints/update-endpoint";
import { uid } from "@/lib/schemas/common";
import { endpointPatch, endpointUpdate } from "@/lib/schemas/endpoint";

type Params = { app_id: string; endpoint_id: string };

export const GET = apiHandler<Params>(async ({ tenantId, params }) =>
  json(serializeEndpoint(await findEndpoint(tenantId, params.app_id, params.endpoint_id))),
);

export const PUT = apiHandler<Params>(async (ctx) => {
  const { app_id, endpoint_id } = ctx.params;
  const input = ctx.body(endpointUpdate);
  try {
    return json(serializeEndpoint(await updateEndpoint(ctx.tenantId, app_id, endpoint_id, input, true)));
  } catch (error) {
    const missingEndpoint = error instanceof ApiError && error.detail === "Endpoint not found";
    if (!missingEndpoint || !uid.safeParse(endpoint_id).success) throw error;
    const created = await createEndpoint(ctx.tenantId, app_id, { ...input, uid: input.uid ?? endpoint_id });
    return json(serializeEndpoint(created), 201);
  }
});

export const PATCH = apiHandler<Params>(async (ctx) => {
  const { app_id, endpoint_id } = ctx.params;
  return json(
    serializeEndpoint(await updateEndpoint(ctx.tenantId, app_id, endpoint_id, ctx.body(endpointPatch))),
  );
});

export const DELETE = apiHandler<Params>(async ({ tenantId, params }) => {
  await deleteEndpoint(tenantId, params.app_id, params.endpoint_id);
  return new Response(null, { status: 204 });
});
