// POST /api/v1/app/{app_id}/msg/{msg_id}/endpoint/{endpoint_id}/resend — send this message to this endpoint again
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { resendMessage } from "@/lib/messages/resend-message";

type Params = { app_id: string; msg_id: string; endpoint_id: string };

export const POST = apiHandler<Params>(async ({ tenantId, params }) => {
  await resendMessage(tenantId, params.app_id, params.msg_id, params.endpoint_id);
  return json({}, 202);
});
