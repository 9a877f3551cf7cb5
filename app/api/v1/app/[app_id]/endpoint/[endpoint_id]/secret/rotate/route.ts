// POST /api/v1/app/{app_id}/endpoint/{endpoint_id}/secret/rotate — new secret; the old one signs for 24 h more
import { apiHandler } from "@/lib/api/handler";
import { rotateSecret } from "@/lib/endpoints/endpoint-secrets";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";
import { secretRotateIn } from "@/lib/schemas/endpoint";

type Params = { app_id: string; endpoint_id: string };

export const POST = apiHandler<Params>(async (ctx) => {
  const input = ctx.body(secretRotateIn);
  const endpoint = await findEndpoint(ctx.tenantId, ctx.params.app_id, ctx.params.endpoint_id);
  const { previousValidUntil } = await rotateSecret(
    endpoint.id,
    input.key,
    input.gracePeriodSeconds,
    input.keyType,
  );
  return new Response(null, {
    status: 204,
    headers: { "x-previous-secret-valid-until": previousValidUntil.toISOString() },
  });
});
