"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

/** Endpoints | Messages | Failed, inside the widget. */
export function WidgetNav({ base }: { base: string }) {
  const pathname = usePathname();
  const failed = useSearchParams().get("status") === "failed";
  const inLog = pathname.startsWith(`${base}/messages`);
  const links = [
    { href: base, label: "Endpoints", active: pathname === base || pathname.startsWith(`${base}/endpoints`) },
    { href: `${base}/messages`, label: "Messages", active: inLog && !failed },
    { href: `${base}/messages?status=failed`, label: "Failed", active: inLog && failed },
  ];
  return (
    <nav aria-label="Webhooks" className="flex gap-1">
      {links.map((l) => (
        <Link
          key={l.href}
          href={l.href}
          aria-current={l.active ? "page" : undefined}
          className={`rounded-md px-3 py-1.5 text-sm font-medium ${
            l.active
              ? "bg-brand-50 text-brand-700 dark:bg-zinc-800 dark:text-white"
              : "text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"
          }`}
        >
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
