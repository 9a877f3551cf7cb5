// POST /api/v1/operational-webhook/endpoint/{endpoint_id}/secret/rotate — new secret; the old one signs for 24 h more
import { apiHandler } from "@/lib/api/handler";
import { rotateSecret } from "@/lib/endpoints/endpoint-secrets";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";
import { OPERATIONAL_APP } from "@/lib/operational/operational-app";
import { secretRotateIn } from "@/lib/schemas/endpoint";

type Params = { endpoint_id: string };

export const POST = apiHandler<Params>(async (ctx) => {
  const input = ctx.body(secretRotateIn);
  const endpoint = await findEndpoint(ctx.tenantId, OPERATIONAL_APP, ctx.params.endpoint_id);
  await rotateSecret(endpoint.id, input.key, input.gracePeriodSeconds, input.keyType);
  return new Response(null, { status: 204 });
});
