// DELETE /api/v1/app/{app_id}/msg/{msg_id}/content — expunge this message's payload and response bodies
import { apiHandler } from "@/lib/api/handler";
import { expungeContent } from "@/lib/messages/expunge-content";

type Params = { app_id: string; msg_id: string };

export const DELETE = apiHandler<Params>(async ({ tenantId, params }) => {
  await expungeContent(tenantId, params.app_id, params.msg_id);
  return new Response(null, { status: 204 });
});
