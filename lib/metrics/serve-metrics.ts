import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { env } from "@/lib/env";
import { registry } from "@/lib/metrics/metrics";
import "@/lib/metrics/gauges";

function authorized(req: IncomingMessage): boolean {
  const token = env().METRICS_TOKEN;
  if (!token) return true;
  const given = Buffer.from(req.headers.authorization ?? "");
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * GET /metrics: this process's metrics in Prometheus's text format. Served by our HTTP server
 * before Next and the API's rate limits; with METRICS_TOKEN set, only to `Bearer <token>`.
 */
export async function serveMetrics(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const json = (status: number, body: unknown, extra: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", ...extra });
    res.end(JSON.stringify(body));
  };
  if (req.method !== "GET" && req.method !== "HEAD")
    return json(405, { code: "method_not_allowed", detail: "Use GET" });
  if (!authorized(req))
    return json(
      401,
      { code: "authentication_failed", detail: "Send Authorization: Bearer <METRICS_TOKEN>" },
      { "www-authenticate": 'Bearer realm="metrics"' },
    );
  const text = await registry.metrics();
  res.writeHead(200, { "content-type": registry.contentType, "cache-control": "no-store" });
  res.end(text);
}
