import { db } from "@/lib/db";
import { DEMO_EMAIL } from "@/lib/tenants/seed-demo";
import { createPortalAccess, PREVIEW_EXPIRY_SECONDS } from "@/lib/widget/create-portal-access";

/**
 * A fresh one-hour widget link for the seeded demo application, as a path (mounted from the
 * page's own origin, whatever host name it was opened at), or null when there is no demo tenant.
 */
export async function demoWidgetLink(): Promise<string | null> {
  const app = await db.application.findFirst({
    where: {
      uid: "demo-customer",
      tenant: { memberships: { some: { role: "owner", user: { email: DEMO_EMAIL } } } },
    },
    select: { id: true, tenantId: true },
  });
  if (!app) return null;
  const { url } = await createPortalAccess(app.tenantId, app.id, { expiry: PREVIEW_EXPIRY_SECONDS });
  return new URL(url).pathname;
}
