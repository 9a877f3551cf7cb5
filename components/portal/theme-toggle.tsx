"use client";

import { useEffect, useState } from "react";

type Choice = "system" | "light" | "dark";

/** Light, dark, or follow the system; remembered in this browser. */
export function ThemeToggle() {
  const [choice, setChoice] = useState<Choice>("system");
  useEffect(() => setChoice((localStorage.getItem("hookline-theme") as Choice | null) ?? "system"), []);
  const apply = (next: Choice) => {
    setChoice(next);
    if (next === "system") localStorage.removeItem("hookline-theme");
    else localStorage.setItem("hookline-theme", next);
    const dark = next === "dark" || (next === "system" && matchMedia("(prefers-color-scheme: dark)").matches);
    document.documentElement.classList.toggle("dark", dark);
  };
  return (
    <label className="text-sm">
      <span className="sr-only">Colour theme</span>
      <select
        value={choice}
        onChange={(e) => apply(e.target.value as Choice)}
        className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      >
        <option value="system">System theme</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
