// GET/PUT/DELETE /api/v1/app/{app_id}/integration/{integ_id} — one integration
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import {
  deleteIntegration,
  getIntegration,
  serializeIntegration,
  updateIntegration,
} from "@/lib/integrations/integrations";
import { integrationIn } from "@/lib/schemas/integration";

type Params = { app_id: string; integ_id: string };

export const GET = apiHandler<Params>(async ({ tenantId, params }) =>
  json(serializeIntegration(await getIntegration(tenantId, params.app_id, params.integ_id))),
);

export const PUT = apiHandler<Params>(async (ctx) =>
  json(
    serializeIntegration(
      await updateIntegration(ctx.tenantId, ctx.params.app_id, ctx.params.integ_id, ctx.body(integrationIn)),
    ),
  ),
);

export const DELETE = apiHandler<Params>(async ({ tenantId, params }) => {
  await deleteIntegration(tenantId, params.app_id, params.integ_id);
  return new Response(null, { status: 204 });
});
