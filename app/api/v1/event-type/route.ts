// GET /api/v1/event-type — the catalogue (?include_archived, ?with_content); POST — add an event type
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { listQuery } from "@/lib/api/pagination";
import { listEventTypes } from "@/lib/event-types/list-event-types";
import { createEventType } from "@/lib/event-types/save-event-type";
import { serializeEventType } from "@/lib/event-types/serialize-event-type";
import { booleanQuery } from "@/lib/schemas/common";
import { eventTypeIn } from "@/lib/schemas/event-type";

const query = listQuery("ascending").extend({ include_archived: booleanQuery, with_content: booleanQuery });

export const GET = apiHandler(async (ctx) => {
  const q = ctx.query(query);
  const page = await listEventTypes(ctx.tenantId, q, q.include_archived ?? false);
  // As Svix: with_content=false (the SDK's default) leaves the schemas out.
  const data = page.data.map(serializeEventType);
  return json({
    ...page,
    data: q.with_content === false ? data.map((et) => ({ ...et, schemas: null })) : data,
  });
});

export const POST = apiHandler(async (ctx) =>
  json(serializeEventType(await createEventType(ctx.tenantId, ctx.body(eventTypeIn))), 201),
);

export const dynamic = "force-dynamic";
