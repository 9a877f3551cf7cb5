// GET/PATCH/DELETE /api/v1/inspector/{inspector_id} — one request inspector (Hookline extension)
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import {
  deleteInspector,
  findInspector,
  serializeInspector,
  updateInspector,
} from "@/lib/inspector/inspectors";
import { inspectorPatch } from "@/lib/schemas/inspector";

type Params = { inspector_id: string };

export const GET = apiHandler<Params>(async ({ tenantId, params }) =>
  json(serializeInspector(await findInspector(tenantId, params.inspector_id))),
);

export const PATCH = apiHandler<Params>(async (ctx) =>
  json(
    serializeInspector(
      await updateInspector(ctx.tenantId, ctx.params.inspector_id, ctx.body(inspectorPatch)),
    ),
  ),
);

export const DELETE = apiHandler<Params>(async ({ tenantId, params }) => {
  await deleteInspector(tenantId, params.inspector_id);
  return new Response(null, { status: 204 });
});
