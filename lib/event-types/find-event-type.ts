import { notFound } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { eventTypeSelect } from "@/lib/event-types/serialize-event-type";

export async function findEventType(tenantId: string, name: string) {
  const et = await db.eventType.findUnique({
    where: { tenantId_name: { tenantId, name } },
    select: eventTypeSelect,
  });
  if (!et) throw notFound("Event type");
  return et;
}
