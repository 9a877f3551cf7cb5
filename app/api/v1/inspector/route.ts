// GET/POST /api/v1/inspector — request inspectors (Hookline extension): list, create
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { createInspector, listInspectors, serializeInspector } from "@/lib/inspector/inspectors";
import { inspectorIn } from "@/lib/schemas/inspector";

export const GET = apiHandler(async ({ tenantId }) =>
  json({ data: (await listInspectors(tenantId)).map(serializeInspector) }),
);

export const POST = apiHandler(async (ctx) =>
  json(serializeInspector(await createInspector(ctx.tenantId, ctx.body(inspectorIn))), 201),
);
