import { db } from "@/lib/db";
import { type WidgetTheme, widgetTheme } from "@/lib/schemas/widget-theme";

/** The tenant's widget settings: who may frame it, and how it looks. */
export async function widgetSettings(
  tenantId: string,
): Promise<{ allowedOrigins: string[]; theme: WidgetTheme }> {
  const tenant = await db.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { widgetAllowedOrigins: true, widgetTheme: true },
  });
  const theme = widgetTheme.safeParse(tenant.widgetTheme);
  return { allowedOrigins: tenant.widgetAllowedOrigins, theme: theme.success ? theme.data : {} };
}
