import { conflict } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/database-errors";
import { eventTypeSelect } from "@/lib/event-types/serialize-event-type";
import { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import type { EventTypeIn, EventTypePatch } from "@/lib/schemas/event-type";
import { assertQuota } from "@/lib/tenants/quotas";

function jsonOrNull(value: unknown) {
  return value === null ? Prisma.DbNull : (value as Prisma.InputJsonValue | undefined);
}

/** Creates an event type; a name already in the catalogue is a 409. */
export async function createEventType(tenantId: string, input: EventTypeIn) {
  await assertQuota("eventTypes", { tenantId });
  try {
    return await db.eventType.create({
      data: {
        id: newId("et"),
        tenantId,
        name: input.name,
        description: input.description ?? "",
        archived: input.archived ?? false,
        deprecated: input.deprecated ?? false,
        schemas: jsonOrNull(input.schemas ?? null),
        groupName: input.groupName ?? null,
        featureFlags: input.featureFlags ?? [],
        thinPayload: input.thinPayload ?? false,
      },
      select: eventTypeSelect,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`Event type '${input.name}' already exists`);
    throw error;
  }
}

/** PATCH semantics: only the fields present change. Returns null if there is no such event type. */
export async function patchEventType(tenantId: string, name: string, patch: EventTypePatch) {
  const { count } = await db.eventType.updateMany({
    where: { tenantId, name },
    data: {
      description: patch.description,
      archived: patch.archived,
      deprecated: patch.deprecated,
      schemas: jsonOrNull(patch.schemas),
      groupName: patch.groupName,
      featureFlags: patch.featureFlags === null ? [] : patch.featureFlags,
      thinPayload: patch.thinPayload,
    },
  });
  if (count === 0) return null;
  return db.eventType.findUniqueOrThrow({
    where: { tenantId_name: { tenantId, name } },
    select: eventTypeSelect,
  });
}
