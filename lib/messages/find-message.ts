import { notFound } from "@/lib/api/errors";
import { findApplication } from "@/lib/applications/find-application";
import { db } from "@/lib/db";
import { messageSelect } from "@/lib/messages/serialize-message";

/** The message of the tenant's application by id or by `eventId` (as Svix's `{msg_id}` allows). */
export async function findMessage(tenantId: string, appIdOrUid: string, idOrEventId: string) {
  const app = await findApplication(tenantId, appIdOrUid);
  const messages = await db.message.findMany({
    where: { tenantId, applicationId: app.id, OR: [{ id: idOrEventId }, { eventId: idOrEventId }] },
    select: { ...messageSelect, applicationId: true },
    take: 2,
  });
  const message = messages.find((m) => m.id === idOrEventId) ?? messages[0];
  if (!message) throw notFound("Message");
  return { app, message };
}
