"use client";

import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useRef } from "react";

/**
 * A button that opens a panel (a <details> element, so it works before hydration), closed again
 * by a click outside, Escape (focus returns to the button) or moving to another page.
 */
export function PopoverMenu({
  summary,
  children,
  summaryClassName = "",
  panelClassName = "w-64",
}: {
  summary: ReactNode;
  children: ReactNode;
  summaryClassName?: string;
  panelClassName?: string;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();
  // biome-ignore lint/correctness/useExhaustiveDependencies: closes whenever the page changes
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname]);
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (ref.current?.open && !ref.current.contains(event.target as Node)) ref.current.open = false;
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || !ref.current?.open) return;
      ref.current.open = false;
      ref.current.querySelector("summary")?.focus();
    };
    document.addEventListener("click", onClick);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("click", onClick);
      document.removeEventListener("keydown", onKey);
    };
  }, []);
  return (
    <details ref={ref} className="relative">
      <summary
        className={`flex min-h-9 cursor-pointer list-none items-center gap-1 rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700 [&::-webkit-details-marker]:hidden ${summaryClassName}`}
      >
        {summary}
      </summary>
      <div
        className={`absolute right-0 z-20 mt-2 space-y-2 rounded-md border border-zinc-200 bg-white p-3 shadow-lg dark:border-zinc-800 dark:bg-zinc-900 ${panelClassName}`}
      >
        {children}
      </div>
    </details>
  );
}
