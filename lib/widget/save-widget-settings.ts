import { z } from "zod";
import { db } from "@/lib/db";
import { frameOrigin, widgetTheme } from "@/lib/schemas/widget-theme";

const settingsIn = z.object({
  allowedOrigins: z.array(frameOrigin).max(50, "at most 50 origins"),
  theme: widgetTheme,
});

/**
 * Saves the tenant's widget settings from the portal form (origins one per line). Returns the
 * problems by field instead when something does not validate; nothing is saved then.
 */
export async function saveWidgetSettings(
  tenantId: string,
  input: { allowedOrigins: string; primaryColor: string; mode: string; logoUrl: string; fontFamily: string },
): Promise<{ fieldErrors?: Record<string, string> }> {
  const parsed = settingsIn.safeParse({
    allowedOrigins: input.allowedOrigins.split(/[\s,]+/).filter(Boolean),
    theme: {
      primaryColor: input.primaryColor || undefined,
      mode: input.mode || undefined,
      logoUrl: input.logoUrl || undefined,
      fontFamily: input.fontFamily || undefined,
    },
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] === "theme" ? String(issue.path[1]) : "allowedOrigins";
      fieldErrors[field] ??=
        issue.path[0] === "allowedOrigins" && issue.path.length > 1
          ? `${input.allowedOrigins.split(/[\s,]+/).filter(Boolean)[Number(issue.path[1])]}: ${issue.message}`
          : issue.message;
    }
    return { fieldErrors };
  }
  await db.tenant.update({
    where: { id: tenantId },
    data: { widgetAllowedOrigins: [...new Set(parsed.data.allowedOrigins)], widgetTheme: parsed.data.theme },
    select: { id: true },
  });
  return {};
}
