// POST /api/v1/app/{app_id}/msg/precheck/active — would a message of this type reach any endpoint?
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { precheckMessage } from "@/lib/messages/precheck-message";
import { messagePrecheckIn } from "@/lib/schemas/message";

type Params = { app_id: string };

export const POST = apiHandler<Params>(async (ctx) =>
  json(await precheckMessage(ctx.tenantId, ctx.params.app_id, ctx.body(messagePrecheckIn))),
);
