"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { portalAction, portalFormAction } from "@/lib/actions/portal-action";
import { notFound } from "@/lib/api/errors";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { KeyState } from "@/lib/api-keys/key-state";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { TENANT_COOKIE, tenantCookieOptions } from "@/lib/auth/current-member";
import { apiKeyName, teamName } from "@/lib/schemas/auth";
import { createTenant } from "@/lib/tenants/create-tenant";

// Every action goes through portalAction / portalFormAction (lib/actions/portal-action.ts): the
// session and the role are checked on the server on every call; hiding a button is not a permission.

export const createApiKeyAction = portalFormAction(
  { role: { admin: "create API keys" }, schema: z.object({ name: apiKeyName }) },
  async ({ member, input }): Promise<KeyState> => {
    const created = await createApiKey({
      tenantId: member.tenant.id,
      name: input.name,
      createdById: member.user.id,
    });
    revalidatePath("/api-keys");
    return { key: created.key, name: created.name };
  },
);

export const revokeApiKeyAction = portalAction(
  { admin: "revoke API keys" },
  async (member, form: FormData) => {
    if (!(await revokeApiKey(member.tenant.id, String(form.get("id"))))) throw notFound("Live API key");
    revalidatePath("/api-keys");
  },
);

export const switchTenantAction = portalAction("member", async (member, form: FormData) => {
  const id = String(form.get("tenantId"));
  if (member.tenants.some((t) => t.id === id))
    (await cookies()).set(TENANT_COOKIE, id, tenantCookieOptions());
  redirect("/dashboard");
});

export const createTenantAction = portalAction("member", async (member, form: FormData) => {
  const name = teamName.safeParse(form.get("name"));
  if (!name.success) redirect("/dashboard?error=team-name");
  const tenantId = await createTenant(member.user.id, name.data);
  (await cookies()).set(TENANT_COOKIE, tenantId, tenantCookieOptions());
  redirect("/dashboard");
});
