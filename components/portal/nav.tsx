"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const links = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/applications", label: "Applications" },
  { href: "/messages", label: "Messages" },
  { href: "/dead-letter", label: "Dead letters" },
  { href: "/inspector", label: "Inspector" },
  { href: "/event-types", label: "Event types" },
  { href: "/widget", label: "Widget" },
  { href: "/team", label: "Team" },
  { href: "/settings", label: "Settings" },
  { href: "/api-keys", label: "API keys" },
];

/** The portal's pages: a row on wide screens, a column inside the phone menu. */
export function Nav({ vertical = false }: { vertical?: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className={vertical ? "flex flex-col" : "flex gap-0.5 whitespace-nowrap"}>
      {links.map((link) => {
        const active = pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            className={`rounded-md px-2.5 py-2 text-sm font-medium ${
              active
                ? "bg-brand-50 text-brand-700 dark:bg-zinc-800 dark:text-white"
                : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
            }`}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
