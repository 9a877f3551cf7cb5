// GET/PUT/PATCH/DELETE /api/v1/event-type/{name} — PUT creates if absent; DELETE archives (?expunge=true deletes)

import { z } from "zod";
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { deleteEventType } from "@/lib/event-types/delete-event-type";
import { findEventType } from "@/lib/event-types/find-event-type";
import { createEventType, patchEventType } from "@/lib/event-types/save-event-type";
import { serializeEventType } from "@/lib/event-types/serialize-event-type";
import { booleanQuery, eventTypeName } from "@/lib/schemas/common";
import { eventTypePatch, eventTypeUpdate } from "@/lib/schemas/event-type";

type Params = { event_type_name: string };

export const GET = apiHandler<Params>(async ({ tenantId, params }) =>
  json(serializeEventType(await findEventType(tenantId, params.event_type_name))),
);

export const PUT = apiHandler<Params>(async (ctx) => {
  const name = eventTypeName.parse(ctx.params.event_type_name);
  const input = ctx.body(eventTypeUpdate);
  const replaced = await patchEventType(ctx.tenantId, name, {
    ...input,
    archived: input.archived ?? false,
    deprecated: input.deprecated ?? false,
    schemas: input.schemas ?? null,
    groupName: input.groupName ?? null,
    featureFlags: input.featureFlags ?? null,
  });
  if (replaced) return json(serializeEventType(replaced));
  return json(serializeEventType(await createEventType(ctx.tenantId, { ...input, name })), 201);
});

export const PATCH = apiHandler<Params>(async (ctx) => {
  const patched = await patchEventType(ctx.tenantId, ctx.params.event_type_name, ctx.body(eventTypePatch));
  return patched
    ? json(serializeEventType(patched))
    : json({ code: "not_found", detail: "Event type not found" }, 404);
});

export const DELETE = apiHandler<Params>(async (ctx) => {
  const { expunge } = ctx.query(z.object({ expunge: booleanQuery }));
  await deleteEventType(ctx.tenantId, ctx.params.event_type_name, expunge ?? false);
  return new Response(null, { status: 204 });
});
