"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { portalAction, portalFormAction } from "@/lib/actions/portal-action";
import { createApplication } from "@/lib/applications/create-application";
import { deleteApplication } from "@/lib/applications/delete-application";
import { updateApplication } from "@/lib/applications/update-application";
import type { FormState } from "@/lib/portal/form-state";
import { applicationIn } from "@/lib/schemas/application";

// Thin wrappers over portalAction / portalFormAction: session, tenant and role from the server,
// validation by the API's own schemas, one domain call. Errors come back as form state.

const text = z.string().trim().optional().default("");

export const createApplicationAction = portalFormAction(
  { role: "member", schema: z.object({ name: z.string(), uid: text }) },
  async ({ member, input }): Promise<FormState> => {
    const parsed = applicationIn.parse({ name: input.name, uid: input.uid || undefined });
    const { app } = await createApplication(member.tenant.id, parsed);
    redirect(`/applications/${app.id}`);
  },
);

/** "key=value" lines as an object; a line without "=" is a field error. */
const metadataLines = z.string().transform((text, ctx) => {
  const metadata: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const eq = line.indexOf("=");
    if (eq < 1) {
      ctx.addIssue({ code: "custom", message: `Write "key=value" per line: ${line.trim()}` });
      return z.NEVER;
    }
    metadata[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return metadata;
});

/** Name, uid, metadata ("key=value" lines) and default rate limit of an application. */
export const updateApplicationAction = portalFormAction(
  {
    role: "member",
    schema: z.object({ name: z.string(), uid: text, metadata: metadataLines.optional(), throttleRate: text }),
  },
  async ({ member, input, form }, appId: string): Promise<FormState> => {
    const parsed = applicationIn.parse({
      name: input.name,
      uid: input.uid || null,
      metadata: input.metadata ?? {},
      throttleRate: input.throttleRate ? Number(input.throttleRate) : null,
    });
    await updateApplication(member.tenant.id, appId, parsed, true);
    revalidatePath(`/applications/${appId}`);
    return { saved: true, values: Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)])) };
  },
);

export const deleteApplicationAction = portalAction("member", async (member, appId: string) => {
  await deleteApplication(member.tenant.id, appId);
  redirect("/applications");
});
