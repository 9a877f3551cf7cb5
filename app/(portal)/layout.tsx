import Link from "next/link";
import type { ReactNode } from "react";
import { Nav } from "@/components/portal/nav";
import { SignOutButton } from "@/components/portal/sign-out-button";
import { TenantSwitcher } from "@/components/portal/tenant-switcher";
import { currentMember } from "@/lib/auth/current-member";

export const dynamic = "force-dynamic";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const member = await currentMember();
  return (
    <div className="min-h-screen">
      <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
          <Link href="/dashboard" className="text-lg font-bold text-brand-600">
            Hookline
          </Link>
          <Nav />
          <div className="ml-auto flex items-center gap-2">
            <TenantSwitcher member={member} />
            <span className="hidden text-sm text-zinc-500 md:inline">{member.user.email}</span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </div>
  );
}
