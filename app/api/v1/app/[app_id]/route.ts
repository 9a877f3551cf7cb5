// GET/PUT/PATCH/DELETE /api/v1/app/{app_id} — one application, by id or uid (PUT creates it if absent)
import { ApiError, json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { createApplication } from "@/lib/applications/create-application";
import { deleteApplication } from "@/lib/applications/delete-application";
import { findApplication } from "@/lib/applications/find-application";
import { serializeApplication } from "@/lib/applications/serialize-application";
import { updateApplication } from "@/lib/applications/update-application";
import { applicationIn, applicationPatch } from "@/lib/schemas/application";
import { uid } from "@/lib/schemas/common";

type Params = { app_id: string };

export const GET = apiHandler<Params>(async ({ tenantId, params }) =>
  json(serializeApplication(await findApplication(tenantId, params.app_id))),
);

export const PUT = apiHandler<Params>(async (ctx) => {
  const input = ctx.body(applicationIn);
  try {
    return json(serializeApplication(await updateApplication(ctx.tenantId, ctx.params.app_id, input, true)));
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404) || !uid.safeParse(ctx.params.app_id).success)
      throw error;
    const { app } = await createApplication(ctx.tenantId, { ...input, uid: input.uid ?? ctx.params.app_id });
    return json(serializeApplication(app), 201);
  }
});

export const PATCH = apiHandler<Params>(async (ctx) =>
  json(
    serializeApplication(
      await updateApplication(ctx.tenantId, ctx.params.app_id, ctx.body(applicationPatch)),
    ),
  ),
);

export const DELETE = apiHandler<Params>(async ({ tenantId, params }) => {
  await deleteApplication(tenantId, params.app_id);
  return new Response(null, { status: 204 });
});
