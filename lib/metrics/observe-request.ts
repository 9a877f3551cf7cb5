import type { IncomingMessage, ServerResponse } from "node:http";
import { httpDuration, httpRequests } from "@/lib/metrics/metrics";

/**
 * Counts and times one HTTP request, under its route template (lib/metrics/route-template.ts), when
 * its response is done (or the client went away).
 */
export function observeRequest(req: IncomingMessage, res: ServerResponse, route: string): void {
  const started = process.hrtime.bigint();
  const method = req.method ?? "GET";
  res.once("close", () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    httpRequests.inc({ route, method, status: String(res.statusCode) });
    httpDuration.observe({ route, method }, seconds);
  });
}
