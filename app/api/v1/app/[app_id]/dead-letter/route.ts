// GET /api/v1/app/{app_id}/dead-letter — failed deliveries (?endpoint_id, ?since, ?until); Hookline extension
import { z } from "zod";
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { listQuery } from "@/lib/api/pagination";
import { listDeadLetters } from "@/lib/delivery/list-dead-letters";
import { findEndpoint } from "@/lib/endpoints/find-endpoint";

type Params = { app_id: string };
const query = listQuery().extend({
  endpoint_id: z.string().max(300).optional(),
  since: z.coerce.date().optional(),
  until: z.coerce.date().optional(),
});

export const GET = apiHandler<Params>(async (ctx) => {
  const q = ctx.query(query);
  const endpointId = q.endpoint_id
    ? (await findEndpoint(ctx.tenantId, ctx.params.app_id, q.endpoint_id)).id
    : undefined;
  const page = await listDeadLetters(ctx.tenantId, ctx.params.app_id, q, {
    endpointId,
    since: q.since,
    until: q.until,
  });
  return json({
    ...page,
    data: page.data.map((d) => ({
      id: d.id,
      msgId: d.messageId,
      endpointId: d.endpointId,
      eventType: d.message.eventType,
      attempts: d.attemptCount,
      lastAttempt: d.lastAttemptAt?.toISOString() ?? null,
      failedAt: d.updatedAt.toISOString(),
      messageCreatedAt: d.message.createdAt.toISOString(),
    })),
  });
});
