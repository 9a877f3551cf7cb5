// POST /api/v1/environment/import — add or update what an export (Hookline's or Svix's) holds; deletes nothing
import { apiHandler } from "@/lib/api/handler";
import { environmentIn, importEnvironment } from "@/lib/environment/environment";

export const POST = apiHandler(async (ctx) => {
  await importEnvironment(ctx.tenantId, ctx.body(environmentIn));
  return new Response(null, { status: 204 });
});
