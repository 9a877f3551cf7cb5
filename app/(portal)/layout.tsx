import Link from "next/link";
import type { ReactNode } from "react";
import { Nav } from "@/components/portal/nav";
import { SignOutButton } from "@/components/portal/sign-out-button";
import { TenantSwitcher } from "@/components/portal/tenant-switcher";
import { ThemeToggle } from "@/components/portal/theme-toggle";
import { currentMember } from "@/lib/auth/current-member";

export const dynamic = "force-dynamic";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const member = await currentMember();
  return (
    <div className="min-h-screen">
      <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-zinc-900"
        >
          Skip to content
        </a>
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
          <Link href="/dashboard" className="text-lg font-bold text-brand-600">
            Hookline
          </Link>
          <div className="ml-auto flex flex-wrap items-center gap-2 lg:order-last">
            <TenantSwitcher member={member} />
            <span className="hidden text-sm text-zinc-500 xl:inline">{member.user.email}</span>
            <ThemeToggle />
            <SignOutButton />
          </div>
          <div className="-mx-1 w-full overflow-x-auto lg:w-auto">
            <Nav />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
