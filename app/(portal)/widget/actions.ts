"use server";

import { revalidatePath } from "next/cache";
import { canManageKeys, currentMember } from "@/lib/auth/current-member";
import { type FormState, formProblem } from "@/lib/portal/form-state";
import { createPortalAccess, PREVIEW_EXPIRY_SECONDS } from "@/lib/widget/create-portal-access";
import { saveWidgetSettings } from "@/lib/widget/save-widget-settings";

const FIELDS = ["allowedOrigins", "primaryColor", "mode", "logoUrl", "fontFamily"] as const;

/** Who may frame the widget and how it looks: owners and admins only (checked here, on the server). */
export async function saveWidgetSettingsAction(_prev: FormState, form: FormData): Promise<FormState> {
  const member = await currentMember();
  const values = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? "").trim()])) as Record<
    (typeof FIELDS)[number],
    string
  >;
  if (!canManageKeys(member.role))
    return { error: "Only owners and admins can change the widget settings.", values };
  const { fieldErrors } = await saveWidgetSettings(member.tenant.id, values);
  if (fieldErrors) return { fieldErrors, values };
  revalidatePath("/widget");
  return { saved: true, values };
}

export type PreviewState = { url?: string; error?: string };

/**
 * A one-hour widget link for one of the tenant's applications, to preview the widget here. As a
 * path: the preview frames it from whatever host name the portal was opened at (localhost,
 * 127.0.0.1, a LAN name), so it is same-origin and `frame-ancestors 'self'` lets it in, where
 * APP_URL's origin would be another site and be refused.
 */
export async function previewWidgetAction(_prev: PreviewState, form: FormData): Promise<PreviewState> {
  const member = await currentMember();
  try {
    const { url } = await createPortalAccess(member.tenant.id, String(form.get("appId") ?? ""), {
      expiry: PREVIEW_EXPIRY_SECONDS,
    });
    return { url: new URL(url).pathname };
  } catch (error) {
    return { error: formProblem(error).error ?? "Could not create a preview link" };
  }
}
