// GET /api/v1/app/{app_id}/attempt/endpoint/{endpoint_id} — attempts made to an endpoint, with Svix's filters
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { attemptFilters, listAttempts } from "@/lib/attempts/list-attempts";
import { serializeAttempt } from "@/lib/attempts/serialize-attempt";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";
import { attemptListQuery } from "@/lib/schemas/attempt";

type Params = { app_id: string; endpoint_id: string };

export const GET = apiHandler<Params>(async (ctx) => {
  const q = ctx.query(attemptListQuery);
  const endpoint = await findEndpoint(ctx.tenantId, ctx.params.app_id, ctx.params.endpoint_id);
  const page = await listAttempts(ctx.tenantId, ctx.params.app_id, q, {
    ...attemptFilters(q),
    endpointId: endpoint.id,
  });
  return json({ ...page, data: page.data.map((a) => serializeAttempt(a, q.with_content)) });
});
