import { findApplication } from "@/lib/applications/find-application";
import { db } from "@/lib/db";
import { findMessage } from "@/lib/messages/find-message";

/**
 * Svix's `bulk-expunge`: each listed message (id or eventId) of the application has its payload
 * and response bodies removed; says for each whether it was found.
 */
export async function bulkExpungeContents(
  tenantId: string,
  appIdOrUid: string,
  ids: string[],
  now = new Date(),
): Promise<Record<string, "expunged" | "not-found">> {
  const app = await findApplication(tenantId, appIdOrUid);
  const found = await db.message.findMany({
    where: { tenantId, applicationId: app.id, OR: [{ id: { in: ids } }, { eventId: { in: ids } }] },
    select: { id: true, eventId: true },
  });
  const messageIds = found.map((m) => m.id);
  if (messageIds.length > 0)
    await db.$transaction([
      db.$executeRaw`UPDATE "Message" SET payload = NULL, "rawPayload" = NULL, "expungedAt" = COALESCE("expungedAt", ${now})
                      WHERE id = ANY(${messageIds}::text[]) AND "tenantId" = ${tenantId}`,
      db.$executeRaw`UPDATE "MessageAttempt" SET response = NULL
                      WHERE "messageId" = ANY(${messageIds}::text[]) AND "tenantId" = ${tenantId}`,
    ]);
  return Object.fromEntries(
    ids.map((ref) => [ref, found.some((m) => m.id === ref || m.eventId === ref) ? "expunged" : "not-found"]),
  );
}

/** Removes one message's payload and its attempts' response bodies; the metadata stays. */
export async function expungeContent(
  tenantId: string,
  appIdOrUid: string,
  msgId: string,
  now = new Date(),
): Promise<void> {
  const { message } = await findMessage(tenantId, appIdOrUid, msgId);
  await db.$transaction([
    db.$executeRaw`UPDATE "Message" SET payload = NULL, "rawPayload" = NULL, "expungedAt" = COALESCE("expungedAt", ${now}) WHERE id = ${message.id} AND "tenantId" = ${tenantId}`,
    db.$executeRaw`UPDATE "MessageAttempt" SET response = NULL WHERE "messageId" = ${message.id} AND "tenantId" = ${tenantId}`,
  ]);
}
