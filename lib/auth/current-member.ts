import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export const TENANT_COOKIE = "hookline_tenant";

/** Options for the tenant cookie: `Secure` when the portal is served as https (as next-auth's are). */
export function tenantCookieOptions() {
  const secure = (process.env.NEXTAUTH_URL ?? process.env.APP_URL ?? "").startsWith("https://");
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
}

export interface CurrentMember {
  user: { id: string; email: string; name: string | null };
  tenant: { id: string; name: string };
  role: Role;
  tenants: { id: string; name: string; role: Role }[];
}

/**
 * The signed-in user and the tenant they are working in (the `hookline_tenant` cookie, if they
 * still belong to it, else their first). Redirects to /signin when there is no session.
 */
export async function currentMember(): Promise<CurrentMember> {
  const session = await getServerSession(authOptions());
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) redirect("/signin");
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      memberships: {
        select: { role: true, tenant: { select: { id: true, name: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!user || user.memberships.length === 0) redirect("/signin");
  const tenants = user.memberships.map((m) => ({ ...m.tenant, role: m.role }));
  const wanted = (await cookies()).get(TENANT_COOKIE)?.value;
  const current = tenants.find((t) => t.id === wanted) ?? tenants[0]!;
  return {
    user: { id: user.id, email: user.email, name: user.name },
    tenant: { id: current.id, name: current.name },
    role: current.role,
    tenants,
  };
}

/** Owners and admins manage API keys and members; members work with applications only. */
export function canManageKeys(role: Role): boolean {
  return role === "owner" || role === "admin";
}
