"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { portalFormAction } from "@/lib/actions/portal-action";
import type { FormState } from "@/lib/portal/form-state";
import { createPortalAccess, PREVIEW_EXPIRY_SECONDS } from "@/lib/widget/create-portal-access";
import type { PreviewState } from "@/lib/widget/preview-state";
import { saveWidgetSettings } from "@/lib/widget/save-widget-settings";

const FIELDS = ["allowedOrigins", "primaryColor", "mode", "logoUrl", "fontFamily"] as const;

/** Who may frame the widget and how it looks: owners and admins only (checked here, on the server). */
export const saveWidgetSettingsAction = portalFormAction(
  { role: { admin: "change the widget settings" } },
  async ({ member, form }): Promise<FormState> => {
    const values = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? "").trim()])) as Record<
      (typeof FIELDS)[number],
      string
    >;
    const { fieldErrors } = await saveWidgetSettings(member.tenant.id, values);
    if (fieldErrors) return { fieldErrors, values };
    revalidatePath("/widget");
    return { saved: true, values };
  },
);

/**
 * A one-hour widget link for one of the tenant's applications, to preview the widget here. As a
 * path: the preview frames it from whatever host name the portal was opened at (localhost,
 * 127.0.0.1, a LAN name), so it is same-origin and `frame-ancestors 'self'` lets it in, where
 * APP_URL's origin would be another site and be refused.
 */
export const previewWidgetAction = portalFormAction(
  { role: "member", schema: z.object({ appId: z.string().min(1, "Choose an application") }) },
  async ({ member, input }): Promise<PreviewState> => {
    const { url } = await createPortalAccess(member.tenant.id, input.appId, {
      expiry: PREVIEW_EXPIRY_SECONDS,
    });
    return { url: new URL(url).pathname };
  },
);
