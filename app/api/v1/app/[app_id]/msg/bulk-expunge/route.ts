// POST /api/v1/app/{app_id}/msg/bulk-expunge — expunge the payloads of listed messages (ids or eventIds)
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { bulkExpungeContents } from "@/lib/messages/expunge-content";
import { bulkExpungeIn } from "@/lib/schemas/message";

type Params = { app_id: string };

export const POST = apiHandler<Params>(async (ctx) =>
  json({ results: await bulkExpungeContents(ctx.tenantId, ctx.params.app_id, ctx.body(bulkExpungeIn).ids) }),
);
