import { notFound } from "@/lib/api/errors";
import { db } from "@/lib/db";

/** Archives the event type (it stops being offered; endpoints keep their filters), or deletes it. */
export async function deleteEventType(tenantId: string, name: string, expunge: boolean): Promise<void> {
  const { count } = expunge
    ? await db.eventType.deleteMany({ where: { tenantId, name } })
    : await db.eventType.updateMany({ where: { tenantId, name }, data: { archived: true } });
  if (count === 0) throw notFound("Event type");
}
