// GET /api/v1/app/{app_id}/integration — the application's integrations; POST — create one (its key shown once)
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { listQuery } from "@/lib/api/pagination";
import { createIntegration, listIntegrations, serializeIntegration } from "@/lib/integrations/integrations";
import { integrationIn } from "@/lib/schemas/integration";

type Params = { app_id: string };

export const GET = apiHandler<Params>(async (ctx) => {
  const page = await listIntegrations(ctx.tenantId, ctx.params.app_id, ctx.query(listQuery()));
  return json({ ...page, data: page.data.map(serializeIntegration) });
});

export const POST = apiHandler<Params>(async (ctx) => {
  const { integration, key } = await createIntegration(
    ctx.tenantId,
    ctx.params.app_id,
    ctx.body(integrationIn),
  );
  // Hookline: the key, this once (Svix shows it through a dashboard call; we keep only its hash).
  return json({ ...serializeIntegration(integration), key }, 201);
});
