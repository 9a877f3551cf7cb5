import { operations } from "@/lib/openapi/document";

// The API's path templates (from the OpenAPI document), most specific first: literal segments
// beat parameters, so /app/{app_id}/msg/{msg_id} is not mistaken for a shorter one.
const apiRoutes = [...new Set(operations.map((o) => o.path))]
  .map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}/?$`),
    literals: template.split("/").filter((s) => s && !s.startsWith("{")).length,
  }))
  .sort((a, b) => b.literals - a.literals || b.template.length - a.template.length);

// Portal and widget pages by their first segment; anything else is "other", so a scanner trying
// random paths cannot create a label per path.
const PAGE_ROOTS = new Set([
  "dashboard",
  "applications",
  "messages",
  "event-types",
  "dead-letter",
  "inspector",
  "widget",
  "team",
  "settings",
  "operational-webhooks",
  "api-keys",
  "docs",
  "signin",
  "signup",
  "invite",
  "demo",
  "_next",
  "metrics",
]);

/**
 * The route a request's path belongs to, as a metrics label: the API's template
 * (`/api/v1/app/{app_id}/msg`), `/embed/{token}/…` for the widget, `/<page>/…` for portal pages,
 * or `other`. Never the raw path: ids and tokens would make a series each.
 */
export function routeTemplate(path: string): string {
  const pathname = path.split("?")[0] ?? "/";
  if (pathname.startsWith("/api/")) {
    if (pathname.startsWith("/api/auth/")) return "/api/auth/…";
    if (pathname === "/api/inngest") return "/api/inngest";
    return apiRoutes.find((r) => r.pattern.test(pathname))?.template ?? "/api/other";
  }
  if (pathname.startsWith("/embed/")) return "/embed/{token}/…";
  if (pathname.startsWith("/in/")) return "/in/{token}";
  if (pathname.startsWith("/relay/")) return "/relay/{token}";
  if (pathname === "/") return "/";
  const root = pathname.split("/")[1] ?? "";
  if (PAGE_ROOTS.has(root)) return pathname === `/${root}` ? `/${root}` : `/${root}/…`;
  return /\.(js|css|png|svg|ico|txt|json)$/.test(pathname) ? "/static" : "other";
}
