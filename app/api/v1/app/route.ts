// GET /api/v1/app — list applications; POST /api/v1/app — create one (?get_if_exists=true)

import { z } from "zod";
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { listQuery } from "@/lib/api/pagination";
import { createApplication } from "@/lib/applications/create-application";
import { listApplications } from "@/lib/applications/list-applications";
import { serializeApplication } from "@/lib/applications/serialize-application";
import { applicationIn } from "@/lib/schemas/application";
import { booleanQuery } from "@/lib/schemas/common";

export const GET = apiHandler(async (ctx) => {
  const page = await listApplications(ctx.tenantId, ctx.query(listQuery()));
  return json({ ...page, data: page.data.map(serializeApplication) });
});

export const POST = apiHandler(async (ctx) => {
  const { get_if_exists } = ctx.query(z.object({ get_if_exists: booleanQuery }));
  const { app, created } = await createApplication(
    ctx.tenantId,
    ctx.body(applicationIn),
    get_if_exists ?? false,
  );
  return json(serializeApplication(app), created ? 201 : 200);
});
