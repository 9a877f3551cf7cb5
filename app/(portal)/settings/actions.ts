"use server";

import { revalidatePath } from "next/cache";
import { currentMember } from "@/lib/auth/current-member";
import { type FormState, formProblem } from "@/lib/portal/form-state";
import { saveTeamSettings } from "@/lib/tenants/team-settings";

export async function saveTeamSettingsAction(_prev: FormState, form: FormData): Promise<FormState> {
  const member = await currentMember();
  const values = {
    name: String(form.get("name") ?? ""),
    retentionDays: String(form.get("retentionDays") ?? ""),
    svixHeaders: form.get("svixHeaders") === "on" ? "on" : "",
  };
  try {
    await saveTeamSettings(member.tenant.id, member.role, {
      name: values.name,
      retentionDays: values.retentionDays,
      svixHeaders: values.svixHeaders === "on",
    });
  } catch (error) {
    return { ...formProblem(error), values };
  }
  revalidatePath("/", "layout");
  return { saved: true, values };
}
