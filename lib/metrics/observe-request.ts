import type { IncomingMessage, ServerResponse } from "node:http";
import { httpDuration, httpRequests } from "@/lib/metrics/metrics";
import { routeTemplate } from "@/lib/metrics/route-template";

/** Counts and times one HTTP request when its response is done (or the client went away). */
export function observeRequest(req: IncomingMessage, res: ServerResponse): void {
  const started = process.hrtime.bigint();
  const route = routeTemplate(req.url ?? "/");
  const method = req.method ?? "GET";
  res.once("close", () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    httpRequests.inc({ route, method, status: String(res.statusCode) });
    httpDuration.observe({ route, method }, seconds);
  });
}
