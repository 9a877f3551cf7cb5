// GET /api/v1/operational-webhook/endpoint/{endpoint_id}/secret — its signing secret
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { verificationKey } from "@/lib/endpoints/endpoint-secrets";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";
import { OPERATIONAL_APP } from "@/lib/operational/operational-app";

type Params = { endpoint_id: string };

export const GET = apiHandler<Params>(async ({ tenantId, params }) => {
  const endpoint = await findEndpoint(tenantId, OPERATIONAL_APP, params.endpoint_id);
  return json({ key: await verificationKey(endpoint.id) });
});
