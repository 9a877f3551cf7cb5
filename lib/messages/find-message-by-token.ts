import { ApiError, notFound } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { verifyFetchToken } from "@/lib/messages/fetch-token";
import { messageSelect } from "@/lib/messages/serialize-message";

/** The message a thin payload's fetch token grants, or a 401 (bad or expired token) / 404. */
export async function findMessageByToken(token: string, appIdOrUid: string, msgId: string) {
  const message = await db.message.findUnique({
    where: { id: msgId },
    select: { ...messageSelect, tenantId: true, applicationId: true, application: { select: { uid: true } } },
  });
  const granted = message ? verifyFetchToken(token, message.tenantId, message.applicationId) : null;
  if (!message || granted !== message.id)
    throw new ApiError(401, "authentication_failed", "Invalid or expired fetch token");
  if (appIdOrUid !== message.applicationId && appIdOrUid !== message.application.uid)
    throw notFound("Message");
  return message;
}
