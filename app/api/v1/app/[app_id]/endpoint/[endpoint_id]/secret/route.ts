// GET /api/v1/app/{app_id}/endpoint/{endpoint_id}/secret — the current signing secret
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { verificationKey } from "@/lib/endpoints/endpoint-secrets";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";

type Params = { app_id: string; endpoint_id: string };

export const GET = apiHandler<Params>(async ({ tenantId, params }) => {
  const endpoint = await findEndpoint(tenantId, params.app_id, params.endpoint_id);
  return json({ key: await verificationKey(endpoint.id) });
});
