// POST /api/v1/environment/export — settings, event types, applications and endpoints as one JSON document
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { environmentExportIn, exportEnvironment } from "@/lib/environment/environment";

export const POST = apiHandler(async (ctx) => {
  const input = ctx.body(environmentExportIn);
  return json(await exportEnvironment(ctx.tenantId, { passphrase: input?.passphrase }));
});
