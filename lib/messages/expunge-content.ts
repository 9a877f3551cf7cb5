import { db } from "@/lib/db";
import { findMessage } from "@/lib/messages/find-message";

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
