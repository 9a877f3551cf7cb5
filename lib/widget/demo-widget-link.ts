import { db } from "@/lib/db";
import { DEMO_EMAIL } from "@/lib/tenants/seed-demo";
import { createPortalAccess, PREVIEW_EXPIRY_SECONDS } from "@/lib/widget/create-portal-access";

/** A fresh one-hour widget link for the seeded demo application, or null when there is no demo tenant. */
export async function demoWidgetLink(): Promise<string | null> {
  const app = await db.application.findFirst({
    where: {
      uid: "demo-customer",
      tenant: { memberships: { some: { role: "owner", user: { email: DEMO_EMAIL } } } },
    },
    select: { id: true, tenantId: true },
  });
  if (!app) return null;
  return (await createPortalAccess(app.tenantId, app.id, { expiry: PREVIEW_EXPIRY_SECONDS })).url;
}
