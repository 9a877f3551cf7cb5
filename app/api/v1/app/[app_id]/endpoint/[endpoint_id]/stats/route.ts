// GET /api/v1/app/{app_id}/endpoint/{endpoint_id}/stats — deliveries by state (?since, ?until)
import { z } from "zod";
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { endpointStats } from "@/lib/endpoints/endpoint-stats";

type Params = { app_id: string; endpoint_id: string };
const query = z.object({ since: z.coerce.date().optional(), until: z.coerce.date().optional() });

export const GET = apiHandler<Params>(async (ctx) => {
  const { since, until } = ctx.query(query);
  return json(await endpointStats(ctx.tenantId, ctx.params.app_id, ctx.params.endpoint_id, since, until));
});
