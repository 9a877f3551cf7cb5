// POST /api/v1/auth/app-portal-access/{app_id} — a short-lived widget link for one application
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { appPortalAccessIn } from "@/lib/schemas/portal-access";
import { createPortalAccess } from "@/lib/widget/create-portal-access";

export const POST = apiHandler<{ app_id: string }>(
  async (ctx) => {
    const access = await createPortalAccess(ctx.tenantId, ctx.params.app_id, ctx.body(appPortalAccessIn));
    return json(access);
  },
  // The link carries a credential, stored nowhere in clear: a repeat mints a fresh one.
  { idempotency: { kind: "rerun" } },
);
