"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { notFound } from "@/lib/api/errors";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { canManageKeys, currentMember, TENANT_COOKIE, tenantCookieOptions } from "@/lib/auth/current-member";
import { apiKeyName, teamName } from "@/lib/schemas/auth";
import { createTenant } from "@/lib/tenants/create-tenant";

export type KeyState = { key?: string; name?: string; error?: string };

// Every action re-checks the session and role on the server: hiding a button is not a permission.
export async function createApiKeyAction(_prev: KeyState, form: FormData): Promise<KeyState> {
  const member = await currentMember();
  if (!canManageKeys(member.role)) return { error: "Only owners and admins can create API keys." };
  const name = apiKeyName.safeParse(form.get("name"));
  if (!name.success) return { error: name.error.issues[0]?.message };
  const created = await createApiKey({
    tenantId: member.tenant.id,
    name: name.data,
    createdById: member.user.id,
  });
  revalidatePath("/api-keys");
  return { key: created.key, name: created.name };
}

export async function revokeApiKeyAction(form: FormData): Promise<void> {
  const member = await currentMember();
  if (!canManageKeys(member.role)) throw new Error("Only owners and admins can revoke API keys.");
  if (!(await revokeApiKey(member.tenant.id, String(form.get("id"))))) throw notFound("Live API key");
  revalidatePath("/api-keys");
}

export async function switchTenantAction(form: FormData): Promise<void> {
  const member = await currentMember();
  const id = String(form.get("tenantId"));
  if (member.tenants.some((t) => t.id === id)) {
    (await cookies()).set(TENANT_COOKIE, id, tenantCookieOptions());
  }
  redirect("/dashboard");
}

export async function createTenantAction(form: FormData): Promise<void> {
  const member = await currentMember();
  const name = teamName.safeParse(form.get("name"));
  if (!name.success) redirect("/dashboard?error=team-name");
  const tenantId = await createTenant(member.user.id, name.data);
  (await cookies()).set(TENANT_COOKIE, tenantId, tenantCookieOptions());
  redirect("/dashboard");
}
