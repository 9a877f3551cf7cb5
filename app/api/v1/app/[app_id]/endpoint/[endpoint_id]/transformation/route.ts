// GET/PATCH /api/v1/app/{app_id}/endpoint/{endpoint_id}/transformation — the endpoint's JavaScript transformation
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { transformationPatch } from "@/lib/schemas/transformation";
import {
  getTransformation,
  patchTransformation,
  serializeTransformation,
} from "@/lib/transformations/endpoint-transformation";

type Params = { app_id: string; endpoint_id: string };

export const GET = apiHandler<Params>(async ({ tenantId, params }) =>
  json(serializeTransformation(await getTransformation(tenantId, params.app_id, params.endpoint_id))),
);

export const PATCH = apiHandler<Params>(async (ctx) => {
  const patch = ctx.body(transformationPatch);
  return json(
    serializeTransformation(
      await patchTransformation(ctx.tenantId, ctx.params.app_id, ctx.params.endpoint_id, patch),
    ),
  );
});
