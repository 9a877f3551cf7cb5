// POST /api/v1/relay — the application's relay for `npm run listen` (Hookline extension), made on first use
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { openRelay, serializeRelay } from "@/lib/relay/relays";
import { relayIn } from "@/lib/schemas/relay";

export const POST = apiHandler(async (ctx) => {
  const input = ctx.body(relayIn);
  return json(serializeRelay(await openRelay(ctx.tenantId, input.app, input.name ?? "default")));
});
