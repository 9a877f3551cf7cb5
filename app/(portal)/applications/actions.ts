"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createApplication } from "@/lib/applications/create-application";
import { deleteApplication } from "@/lib/applications/delete-application";
import { updateApplication } from "@/lib/applications/update-application";
import { currentMember } from "@/lib/auth/current-member";
import { type FormState, formProblem, issuesToFieldErrors } from "@/lib/portal/form-state";
import { applicationIn } from "@/lib/schemas/application";

// Thin wrappers: session and tenant from the server, validation by the API's own schemas,
// one domain call. Errors come back as form state, never as a stack trace.

export async function createApplicationAction(_prev: FormState, form: FormData): Promise<FormState> {
  const member = await currentMember();
  const values = { name: String(form.get("name") ?? ""), uid: String(form.get("uid") ?? "") };
  const parsed = applicationIn.safeParse({ name: values.name, uid: values.uid || undefined });
  if (!parsed.success) return { ...issuesToFieldErrors(parsed.error.issues), values };
  let appId: string;
  try {
    appId = (await createApplication(member.tenant.id, parsed.data)).app.id;
  } catch (error) {
    return { ...formProblem(error), values };
  }
  redirect(`/applications/${appId}`);
}

/** Name, uid, metadata ("key=value" lines) and default rate limit of an application. */
export async function updateApplicationAction(
  appId: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  const member = await currentMember();
  const values = {
    name: String(form.get("name") ?? ""),
    uid: String(form.get("uid") ?? "").trim(),
    metadata: String(form.get("metadata") ?? ""),
    throttleRate: String(form.get("throttleRate") ?? "").trim(),
  };
  const metadata: Record<string, string> = {};
  for (const line of values.metadata.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const eq = line.indexOf("=");
    if (eq < 1) return { fieldErrors: { metadata: `Write "key=value" per line: ${line.trim()}` }, values };
    metadata[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  const parsed = applicationIn.safeParse({
    name: values.name,
    uid: values.uid || null,
    metadata,
    throttleRate: values.throttleRate ? Number(values.throttleRate) : null,
  });
  if (!parsed.success) return { ...issuesToFieldErrors(parsed.error.issues), values };
  try {
    await updateApplication(member.tenant.id, appId, parsed.data, true);
  } catch (error) {
    return { ...formProblem(error), values };
  }
  revalidatePath(`/applications/${appId}`);
  return { saved: true, values };
}

export async function deleteApplicationAction(appId: string): Promise<void> {
  const member = await currentMember();
  await deleteApplication(member.tenant.id, appId);
  redirect("/applications");
}
