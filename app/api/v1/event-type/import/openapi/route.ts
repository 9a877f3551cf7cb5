// POST /api/v1/event-type/import/openapi — event types from an OpenAPI document's webhooks
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { importOpenApi } from "@/lib/event-types/import-openapi";
import { eventTypeImportOpenApiIn } from "@/lib/schemas/event-type";

export const POST = apiHandler(async (ctx) =>
  json(await importOpenApi(ctx.tenantId, ctx.body(eventTypeImportOpenApiIn))),
);
