// DELETE /api/v1/app/{app_id}/msg/{msg_id}/attempt/{attempt_id}/content — expunge one attempt's response body
import { notFound } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { findMessage } from "@/lib/messages/find-message";

type Params = { app_id: string; msg_id: string; attempt_id: string };

export const DELETE = apiHandler<Params>(async ({ tenantId, params }) => {
  const { message } = await findMessage(tenantId, params.app_id, params.msg_id);
  const { count } = await db.messageAttempt.updateMany({
    where: { id: params.attempt_id, tenantId, messageId: message.id },
    data: { response: null },
  });
  if (count === 0) throw notFound("Attempt");
  return new Response(null, { status: 204 });
});
