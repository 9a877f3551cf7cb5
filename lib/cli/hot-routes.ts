import type { IncomingMessage, ServerResponse } from "node:http";
import { POST as sendMessage } from "@/app/api/v1/app/[app_id]/msg/route";
import { POST as inspectorAtPath } from "@/app/in/[token]/[...path]/route";
import { POST as inspectorAtRoot } from "@/app/in/[token]/route";
import { POST as relayAtPath } from "@/app/relay/[token]/[...path]/route";
import { POST as relayAtRoot } from "@/app/relay/[token]/route";
import { type RouteHandler, serveRouteHandler } from "@/lib/cli/route-adapter";

// The API's hottest calls, served without Next's router (about 0.65 ms of CPU per request on the
// 2-core bench machine), by the very handlers Next serves them with: one implementation per route.
// The request inspector's /in/<token> too, any method: Next would add x-forwarded-* headers to
// what it records, which the sender never sent.
const HOT: { method: string | "*"; pattern: RegExp; params: string[]; handler: RouteHandler }[] = [
  { method: "POST", pattern: /^\/api\/v1\/app\/([^/]+)\/msg\/?$/, params: ["app_id"], handler: sendMessage },
  { method: "*", pattern: /^\/in\/([^/]+)\/?$/, params: ["token"], handler: inspectorAtRoot },
  { method: "*", pattern: /^\/in\/([^/]+)\/(.+)$/, params: ["token", "path"], handler: inspectorAtPath },
  // And `npm run listen`'s relays, whose requests wait on the CLI's answer.
  { method: "*", pattern: /^\/relay\/([^/]+)\/?$/, params: ["token"], handler: relayAtRoot },
  { method: "*", pattern: /^\/relay\/([^/]+)\/(.+)$/, params: ["token", "path"], handler: relayAtPath },
];

/** Serves `req` if it is a hot route; false when Next should have it. */
export function serveHotRoute(req: IncomingMessage, res: ServerResponse): Promise<void> | false {
  const path = (req.url ?? "/").split("?")[0]!;
  for (const route of HOT) {
    if (route.method !== "*" && req.method !== route.method) continue;
    const match = route.pattern.exec(path);
    if (!match) continue;
    const params: Record<string, string | string[]> = {};
    try {
      route.params.forEach((name, i) => {
        params[name] =
          name === "path"
            ? match[i + 1]!.split("/").map(decodeURIComponent)
            : decodeURIComponent(match[i + 1]!);
      });
    } catch {
      return false; // a malformed escape: Next answers it
    }
    return serveRouteHandler(route.handler, params, req, res);
  }
  return false;
}
