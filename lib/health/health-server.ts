import http from "node:http";
import type { AddressInfo } from "node:net";
import { readiness } from "@/lib/health/readiness";
import { serveMetrics } from "@/lib/metrics/serve-metrics";

/**
 * A small HTTP server for a worker process's probes: `/health/live` (the process answers) and
 * `/health/ready` (database, workers, queue lag; 503 when it cannot deliver), also under the API's
 * paths `/api/v1/health/live` and `/api/v1/health/ready`, and its Prometheus `/metrics`
 * (METRICS_TOKEN applies). Returns the port it listens on.
 */
export async function startHealthServer(
  port: number,
  host: string,
): Promise<{ port: number; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!.replace(/^\/api\/v1/, "");
    const send = (status: number, body: unknown) =>
      res
        .writeHead(status, { "content-type": "application/json", "cache-control": "no-store" })
        .end(JSON.stringify(body));
    if (path === "/metrics") {
      serveMetrics(req, res).catch(() =>
        send(500, { code: "internal_error", detail: "Metrics unavailable" }),
      );
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") return send(405, { code: "method_not_allowed" });
    if (path === "/health/live") return send(200, { status: "alive" });
    if (path === "/health/ready") {
      readiness().then(
        (report) => send(report.status === "ready" ? 200 : 503, report),
        (error: Error) => send(503, { status: "unavailable", reasons: [error.message] }),
      );
      return;
    }
    send(404, { code: "not_found", detail: "Try /health/live, /health/ready or /metrics" });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
