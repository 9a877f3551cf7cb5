// `npm start`: database (embedded by default), migrations, demo seed, build if needed, then the
// portal and API on PORT, and a delivery worker. Ctrl-C or SIGTERM stops accepting requests, lets
// those in flight finish (SHUTDOWN_GRACE), then stops the worker and the embedded database.
import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import type { Duplex } from "node:stream";
import next from "next";
import { boot, isLoopbackHost } from "@/lib/cli/boot";
import { drainingServer } from "@/lib/cli/draining-server";
import { ensureBuild } from "@/lib/cli/ensure-build";
import { serveHotRoute } from "@/lib/cli/hot-routes";
import { disconnectDb } from "@/lib/db";
import { deliveryConfig } from "@/lib/delivery/config";
import { stampClientAddress } from "@/lib/http/client-address";
import { ensureDemoInspector } from "@/lib/inspector/demo-inspector";
import { startDeliveryWorker } from "@/lib/jobs/graphile/run-worker";
import { logRequest } from "@/lib/log/log-request";
import { logger } from "@/lib/log/logger";
import { requestContext, withRequestContext } from "@/lib/log/request-context";
import { observeRequest } from "@/lib/metrics/observe-request";
import { routeTemplate } from "@/lib/metrics/route-template";
import { serveMetrics } from "@/lib/metrics/serve-metrics";
import { closeRelayConnections } from "@/lib/relay/relay-hub";
import { handleRelayUpgrade } from "@/lib/relay/relay-upgrade";
import { type DemoCredentials, seedDemo } from "@/lib/tenants/seed-demo";
import { startTracing } from "@/lib/tracing/start-tracing";
import { traceRequest } from "@/lib/tracing/tracing";
import { withWidgetHeaders } from "@/lib/widget/frame-headers";

// Progress lines go through the logger (JSON when not on a terminal); the banner below stays human.
const log = (line: string) => logger().info(line);

const booted = await boot(log);
const flushTraces = startTracing(process.argv.includes("--no-worker") ? "hookline-api" : "hookline");
const { env } = booted;
const baseUrl = (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
process.env.NEXTAUTH_URL ??= baseUrl;

// The demo login is kept beside the embedded database it belongs to, so every later start can
// print it; with DATABASE_URL it is printed once, when seeded, and never written to disk.
const demoFile = booted.embedded ? `${path.resolve(env.EMBEDDED_PG_DIR)}.demo.json` : null;
// An empty production database gets no demo tenant (and no password in the log) unless asked.
const seeded = booted.embedded || env.DEMO_SEED ? await seedDemo() : null;
if (seeded && demoFile) fs.writeFileSync(demoFile, JSON.stringify(seeded, null, 2), { mode: 0o600 });
const demo: DemoCredentials | null =
  seeded ?? (demoFile && fs.existsSync(demoFile) ? JSON.parse(fs.readFileSync(demoFile, "utf8")) : null);
// The demo application's endpoint delivers to a demo request inspector (DEMO_INSPECTOR).
const demoInspector =
  demo && env.DEMO_INSPECTOR ? await ensureDemoInspector(demo.applicationId).catch(() => null) : null;

await ensureBuild(log, process.argv.includes("--rebuild"));

// `--no-worker` serves the portal and API only (when workers run as separate processes).
// With JOBS_DRIVER=inngest, Inngest calls /api/inngest instead and no worker runs here.
const worker =
  env.JOBS_DRIVER === "graphile" && !process.argv.includes("--no-worker")
    ? await startDeliveryWorker({
        connectionString: booted.databaseUrl,
        concurrency: env.WORKER_CONCURRENCY,
        endpointConcurrency: env.WORKER_ENDPOINT_CONCURRENCY,
        log,
      })
    : null;

const app = next({ dev: false, dir: process.cwd(), hostname: env.HOST, port: env.PORT });
await app.prepare();
const handle = app.getRequestHandler();
// Widget pages get their framing policy from the token's tenant (lib/widget/frame-headers.ts).
const handleWithWidgetHeaders = withWidgetHeaders(handle);
// Served as https (APP_URL, e.g. behind a TLS proxy): browsers are told to use nothing else
// (HSTS); next-auth marks its cookies Secure by itself when NEXTAUTH_URL is https.
const hsts = baseUrl.startsWith("https://") ? "max-age=31536000; includeSubDomains" : null;
const http = drainingServer((req, res) => {
  stampClientAddress(req, env.TRUST_PROXY);
  // The route's template (a scan of the API's paths) once, for the metrics, the log line and the span.
  const route = routeTemplate(req.url ?? "/");
  observeRequest(req, res, route);
  // Everything below runs in this request's context: its id, and the tenant once authenticated;
  // and, with tracing on, in its server span.
  const context = logRequest(req, res, route);
  traceRequest(
    req.headers,
    { method: req.method ?? "GET", route },
    (end) => res.once("close", () => end(res.statusCode)),
    () => withRequestContext(context, () => serve(req, res)),
  );
});

// WebSockets: only `npm run listen`'s relay connections (lib/relay/relay-upgrade.ts). Next adds an
// upgrade listener of its own on its first request (for dev-mode HMR; we run it in production mode),
// which closes any socket it does not route: it is removed, so ours is the only one.
const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
  if (!handleRelayUpgrade(req, socket, head)) socket.destroy();
};
http.server.on("newListener", (event, listener) => {
  if (event === "upgrade" && listener !== onUpgrade)
    queueMicrotask(() => http.server.removeListener("upgrade", listener));
});
http.server.on("upgrade", onUpgrade);

function serve(req: IncomingMessage, res: ServerResponse) {
  // Prometheus, ahead of Next and the API's rate limits (METRICS_TOKEN guards it when set).
  if (req.url === "/metrics" || req.url?.startsWith("/metrics?")) {
    serveMetrics(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ code: "internal_error", detail: "Metrics unavailable" }));
    });
    return;
  }
  if (hsts) res.setHeader("Strict-Transport-Security", hsts);
  const hot = serveHotRoute(req, res);
  if (hot) {
    hot.catch((error: unknown) => {
      logger().error({ err: error, reqId: requestContext()?.requestId }, "hot route failed");
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ code: "internal_error", detail: "Internal server error" }));
    });
    return;
  }
  void handleWithWidgetHeaders(req, res);
}
await new Promise<void>((resolve, reject) => {
  http.server.once("error", reject);
  http.server.listen(env.PORT, env.HOST, resolve);
});

console.log(`
  Hookline is running at ${baseUrl}
${
  demo
    ? `
  Demo login:    ${demo.email} / ${demo.password}
  Demo API key:  ${demo.apiKey}

${
  demoInspector
    ? `  Send a message; it is delivered, signed, to the demo inspector:
    curl -X POST ${baseUrl}/api/v1/app/demo-customer/msg \\
      -H "Authorization: Bearer ${demo.apiKey}" -H "content-type: application/json" \\
      -d '{"eventType":"invoice.paid","payload":{"invoiceId":"inv_1001","amount":4200,"currency":"EUR"}}'
  Watch it arrive: ${baseUrl}/inspector/${demoInspector}
`
    : `  Try the API:
    curl -H "Authorization: Bearer ${demo.apiKey}" ${baseUrl}/api/v1/app
`
}`
    : ""
}${env.DEMO_WIDGET ? `  Widget demo:   ${baseUrl}/demo/widget\n` : ""}
  API reference: ${baseUrl}/docs/api      Metrics: ${baseUrl}/metrics      Stop with Ctrl-C.
${openings()}`);

/** What this configuration leaves open, so nobody runs a demo setting on a public address unaware. */
function openings(): string {
  const guard = deliveryConfig().guard;
  const lines = [
    isLoopbackHost(env.HOST)
      ? `Listening on ${env.HOST}: reachable from this machine only.`
      : `Listening on ${env.HOST}: reachable from other machines.`,
    guard.allowCidrs.length > 0 &&
      `Delivers to special-purpose addresses too: ${guard.allowCidrs.join(", ")} (DELIVERY_ALLOW_CIDRS).`,
    !guard.requireHttps && "Plain http:// endpoints are allowed (DELIVERY_REQUIRE_HTTPS=false).",
    env.DEMO_WIDGET && "/demo/widget opens the demo application's widget without signing in (DEMO_WIDGET).",
    env.SIGNUP_ENABLED &&
      (env.SMTP_URL
        ? "Anyone who reaches the portal can sign up, confirming their email by a link (SIGNUP_ENABLED)."
        : "Anyone who reaches the portal can sign up at once; the form tells whether an email is registered (set SMTP_URL to confirm sign-ups by email instead)."),
  ].filter(Boolean);
  return `${lines.map((line) => `  ${line}`).join("\n")}\n`;
}

let stopping = false;
async function shutdown(why: string, code: number) {
  if (stopping) return;
  stopping = true;
  log(`${why}: shutting down…`);
  // `npm run listen` CLIs reconnect (to another process, or to this one once it is back).
  closeRelayConnections();
  const { unfinished } = await http.drain(env.SHUTDOWN_GRACE);
  if (unfinished > 0) log(`Closed ${unfinished} requests still running after ${env.SHUTDOWN_GRACE} ms.`);
  await app.close().catch(() => undefined);
  await worker?.stop();
  await flushTraces?.().catch(() => undefined);
  await disconnectDb();
  await booted.shutdown();
  log("Stopped.");
  process.exit(code);
}
process.on("SIGINT", () => void shutdown("SIGINT", 0));
process.on("SIGTERM", () => void shutdown("SIGTERM", 0));
// A worker that cannot run any more must not leave a server that accepts messages it never delivers.
worker?.failed.catch((error: Error) => {
  console.error(`[hookline] ${error.message}`);
  void shutdown("The delivery worker stopped for good; exiting so a supervisor can restart Hookline", 1);
});
