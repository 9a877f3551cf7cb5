import type { IncomingMessage, ServerResponse } from "node:http";
import { db } from "@/lib/db";
import { hashPortalToken, PORTAL_TOKEN_PREFIX } from "@/lib/widget/portal-token";

const EMBED_PATH = /^\/embed\/(hlp_[A-Za-z0-9_-]{20,80})(?:[/?#]|$)/;

/**
 * Response headers for a widget page (`/embed/{token}/…`), set by our HTTP server before Next
 * renders: CSP frame-ancestors from the token's tenant (its own origin plus the origins the tenant
 * listed; an unknown token may be framed by no one else), no referrer (the URL carries the token),
 * not indexable, not cached. Null for any other path.
 */
export async function widgetFrameHeaders(pathname: string): Promise<Record<string, string> | null> {
  const token = EMBED_PATH.exec(pathname)?.[1];
  if (!pathname.startsWith("/embed/")) return null;
  let origins: string[] = [];
  if (token?.startsWith(PORTAL_TOKEN_PREFIX)) {
    // Expired tokens count too: their tenant's sites may still show the "link expired" screen.
    const row = await db.appPortalToken.findUnique({
      where: { tokenHash: hashPortalToken(token) },
      select: { application: { select: { tenant: { select: { widgetAllowedOrigins: true } } } } },
    });
    origins = row?.application.tenant.widgetAllowedOrigins ?? [];
  }
  return {
    "Content-Security-Policy": `frame-ancestors 'self'${origins.map((o) => ` ${o}`).join("")}`,
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex, nofollow",
    "Cache-Control": "no-store",
  };
}

/**
 * Wraps the HTTP handler so widget pages carry `widgetFrameHeaders`. Next applies next.config's
 * static fallback (frame-ancestors 'self') later in the same response; ours take precedence.
 */
export function withWidgetHeaders(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const pathname = (req.url ?? "/").split("?")[0]!;
    const headers = pathname.startsWith("/embed/")
      ? await widgetFrameHeaders(pathname).catch(() => null)
      : null;
    if (headers) {
      const ours = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
      const setHeader = res.setHeader.bind(res);
      res.setHeader = (name, value) => setHeader(name, ours.get(name.toLowerCase()) ?? value);
      for (const [name, value] of Object.entries(headers)) setHeader(name, value);
    }
    await handle(req, res);
  };
}
