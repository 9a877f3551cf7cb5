import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { logger } from "@/lib/log/logger";
import type { RequestContext } from "@/lib/log/request-context";

// A caller's own request id is kept when it looks like one (a proxy's, a load balancer's).
const GOOD_ID = /^[\w.:-]{8,128}$/;

/**
 * Starts one request's log: its id (the caller's `x-request-id` when sensible, else a new UUID),
 * returned as a response header, and one line when the response is done: method, route template,
 * status, duration and, once authenticated, the tenant. No query string, body or header values.
 */
export function logRequest(req: IncomingMessage, res: ServerResponse, route: string): RequestContext {
  const given = req.headers["x-request-id"];
  const context: RequestContext = {
    requestId: typeof given === "string" && GOOD_ID.test(given) ? given : randomUUID(),
  };
  res.setHeader("x-request-id", context.requestId);
  const started = process.hrtime.bigint();
  res.once("close", () => {
    const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
    const line = {
      reqId: context.requestId,
      method: req.method,
      route,
      status: res.statusCode,
      durationMs,
      tenantId: context.tenantId,
      aborted: res.writableFinished ? undefined : true,
    };
    if (res.statusCode >= 500) logger().warn(line, "request failed");
    else logger().info(line, "request");
  });
  return context;
}
