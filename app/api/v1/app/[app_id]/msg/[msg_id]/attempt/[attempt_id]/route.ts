// GET /api/v1/app/{app_id}/msg/{msg_id}/attempt/{attempt_id} — one attempt
import { json, notFound } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { attemptSelect, serializeAttempt } from "@/lib/attempts/serialize-attempt";
import { db } from "@/lib/db";
import { findMessage } from "@/lib/messages/find-message";

type Params = { app_id: string; msg_id: string; attempt_id: string };

export const GET = apiHandler<Params>(async ({ tenantId, params }) => {
  const { message } = await findMessage(tenantId, params.app_id, params.msg_id);
  const attempt = await db.messageAttempt.findFirst({
    where: { id: params.attempt_id, tenantId, messageId: message.id },
    select: attemptSelect,
  });
  if (!attempt) throw notFound("Attempt");
  return json(serializeAttempt(attempt));
});
