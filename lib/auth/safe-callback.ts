const BASE = "http://hookline.invalid";

/**
 * Where to go after signing in: a path on this site, else `fallback`. The value is parsed the way
 * a browser will read it (tabs and newlines dropped, `\` taken as `/`), so `/\t/evil.example`,
 * `/\evil.example` or `//evil.example` cannot lead to another site.
 */
export function safeCallbackPath(raw: string | null | undefined, fallback = "/dashboard"): string {
  if (!raw?.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
