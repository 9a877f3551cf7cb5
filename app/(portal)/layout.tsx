import Link from "next/link";
import type { ReactNode } from "react";
import { createTenantAction, switchTenantAction } from "@/app/(portal)/actions";
import { Nav } from "@/components/portal/nav";
import { SignOutButton } from "@/components/portal/sign-out-button";
import { TenantSwitcher } from "@/components/portal/tenant-switcher";
import { ThemeToggle } from "@/components/portal/theme-toggle";
import { PopoverMenu } from "@/components/ui/popover-menu";
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
        <div className="mx-auto flex max-w-7xl items-center gap-3 px-4 py-3">
          <Link href="/dashboard" className="mr-2 text-lg font-bold text-brand-600 dark:text-brand-300">
            Hookline
          </Link>
          <div className="hidden xl:block">
            <Nav />
          </div>
          <div className="ml-auto flex items-center gap-2">
            <TenantSwitcher
              member={member}
              switchTenant={switchTenantAction}
              createTenant={createTenantAction}
            />
            <PopoverMenu
              summary={
                <>
                  <span aria-hidden className="font-semibold">
                    {(member.user.name || member.user.email).slice(0, 1).toUpperCase()}
                  </span>
                  <span className="sr-only">Account</span>
                </>
              }
            >
              <p className="truncate text-sm text-zinc-600 dark:text-zinc-300">{member.user.email}</p>
              <ThemeToggle />
              <Link href="/docs/api" className="block text-sm text-brand-600 underline dark:text-brand-300">
                API reference
              </Link>
              <SignOutButton />
            </PopoverMenu>
            <div className="xl:hidden">
              <PopoverMenu summary="Menu" panelClassName="w-56">
                <Nav vertical />
              </PopoverMenu>
            </div>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
