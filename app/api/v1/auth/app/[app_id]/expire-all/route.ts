// POST /api/v1/auth/app/{app_id}/expire-all — revoke every widget link of an application
import { apiHandler } from "@/lib/api/handler";
import { applicationTokenExpireIn } from "@/lib/schemas/portal-access";
import { expirePortalTokens } from "@/lib/widget/expire-portal-tokens";

export const POST = apiHandler<{ app_id: string }>(async (ctx) => {
  await expirePortalTokens(ctx.tenantId, ctx.params.app_id, ctx.body(applicationTokenExpireIn));
  return new Response(null, { status: 204 });
});
