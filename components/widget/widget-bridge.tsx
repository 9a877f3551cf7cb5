"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { brandVariables } from "@/lib/widget/brand-variables";

const EVENT_LABELS: Record<string, string> = {
  "endpoint.created": "Endpoint added",
  "endpoint.updated": "Endpoint saved",
  "endpoint.deleted": "Endpoint deleted",
  "endpoint.enabled": "Endpoint enabled",
  "endpoint.disabled": "Endpoint disabled",
};

/**
 * The widget's side of widget.js: reports its height to the host page (so the iframe fits its
 * content), forwards what just happened (`?event=` after a change), asks the host to scroll the
 * widget's top into view after a change (the confirmation shows there, the iframe being as tall
 * as its content) and applies the theme the host asked for at mount time (`#theme=` in the first
 * URL, kept for this tab).
 */
export function WidgetBridge() {
  const params = useSearchParams();
  const [toast, setToast] = useState<string | null>(null);

  useEffect(() => {
    applyMountTheme();
    let last = 0;
    const root = document.getElementById("widget-root") ?? document.body;
    const report = () => {
      const height = Math.ceil(root.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      post({ type: "resize", height });
    };
    const observer = new ResizeObserver(report);
    observer.observe(root);
    report();
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const event = params.get("event");
    if (!event) return;
    post({ type: "event", event, data: { id: params.get("id") } });
    setToast(EVENT_LABELS[event] ?? null);
    // The page changed under the user (after a save, the endpoint's page): ask the host to bring
    // the widget's top, where the confirmation shows, into view.
    post({ type: "scroll", top: 0 });
    const clean = new URL(window.location.href);
    clean.searchParams.delete("event");
    clean.searchParams.delete("id");
    window.history.replaceState(window.history.state, "", clean);
  }, [params]);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 4000);
    return () => clearTimeout(timer);
  }, [toast]);

  return toast ? (
    <div
      role="status"
      data-testid="widget-toast"
      className="fixed top-3 right-3 z-30 rounded-md bg-zinc-900 px-3 py-2 text-sm text-white shadow-lg dark:bg-white dark:text-zinc-900"
    >
      {toast}
    </div>
  ) : null;
}

// To the host page. "*" is safe here: only origins the tenant allowed can frame the widget (CSP
// frame-ancestors), and the messages carry no secrets (a height, an offset, an event name, an id).
function post(message: Record<string, unknown>) {
  if (window.parent !== window) window.parent.postMessage({ source: "hookline", ...message }, "*");
}

/** Per-mount theme overrides from widget.js (`#theme=<json>`), remembered for this tab. */
function applyMountTheme() {
  const root = document.getElementById("widget-root");
  if (!root) return;
  let theme: Record<string, string> | null = null;
  const hash = new URLSearchParams(window.location.hash.slice(1)).get("theme");
  try {
    if (hash) sessionStorage.setItem("hookline-widget-theme", hash);
    theme = JSON.parse(hash ?? sessionStorage.getItem("hookline-widget-theme") ?? "null");
  } catch {
    theme = null;
  }
  if (hash)
    window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
  if (!theme || typeof theme !== "object") return;
  // The same checks as the tenant's settings (lib/schemas/widget-theme.ts): only values that are
  // what they claim reach the page's styles.
  if (/^#[0-9a-fA-F]{6}$/.test(theme.primaryColor ?? "")) setBrand(root, theme.primaryColor!);
  if (/^[\w\s,"'-]{1,200}$/.test(theme.fontFamily ?? "")) root.style.fontFamily = theme.fontFamily!;
  const logo = document.getElementById("widget-logo") as HTMLImageElement | null;
  if (logo && /^https?:\/\/[^\s"'<>]+$/.test(theme.logoUrl ?? "")) {
    logo.src = theme.logoUrl!;
    logo.hidden = false;
  }
  if (theme.mode === "light" || theme.mode === "dark" || theme.mode === "system") {
    root.dataset.mode = theme.mode;
  }
  applyMode(root);
}

function setBrand(root: HTMLElement, color: string) {
  for (const [name, value] of Object.entries(brandVariables(color))) root.style.setProperty(name, value);
}

function applyMode(root: HTMLElement) {
  const mode = root.dataset.mode;
  const dark = mode === "dark" || (mode === "system" && matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
}
