// POST /api/v1/app/{app_id}/integration/{integ_id}/key/rotate — a new key; the old one stops working at once
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { rotateIntegrationKey } from "@/lib/integrations/integrations";

type Params = { app_id: string; integ_id: string };

export const POST = apiHandler<Params>(async ({ tenantId, params }) =>
  json(await rotateIntegrationKey(tenantId, params.app_id, params.integ_id)),
);
