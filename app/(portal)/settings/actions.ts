"use server";

import { revalidatePath } from "next/cache";
import { portalFormAction } from "@/lib/actions/portal-action";
import type { FormState } from "@/lib/portal/form-state";
import { saveTeamSettings } from "@/lib/tenants/team-settings";

/** The team's name, retention and Svix header names (saveTeamSettings checks the role itself). */
export const saveTeamSettingsAction = portalFormAction(
  { role: "member" },
  async ({ member, form }): Promise<FormState> => {
    const values = {
      name: String(form.get("name") ?? ""),
      retentionDays: String(form.get("retentionDays") ?? ""),
      svixHeaders: form.get("svixHeaders") === "on" ? "on" : "",
    };
    await saveTeamSettings(member.tenant.id, member.role, {
      name: values.name,
      retentionDays: values.retentionDays,
      svixHeaders: values.svixHeaders === "on",
    });
    revalidatePath("/", "layout");
    return { saved: true, values };
  },
);
