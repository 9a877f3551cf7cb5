import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { type RouteHandler, serveRouteHandler } from "@/lib/cli/route-adapter";

type Handler = RouteHandler;
interface Route {
  segments: string[];
  file: string;
  module?: Record<string, Handler>;
}

const root = path.resolve(import.meta.dirname, "../..");

/**
 * Serves the app's real route handlers (app/api/**\/route.ts, app/in/**) over real HTTP on loopback, with
 * Next's matching rules (static segments before [param] before [...catchAll]), without a Next
 * build. The contract tests point the svix SDK and fetch at it.
 */
export async function startApiServer(): Promise<{ url: string; close(): Promise<void> }> {
  // The API, and the request inspector's /in/<token> receiver.
  const routes = [
    ...findRoutes(path.join(root, "app/api")),
    ...findRoutes(path.join(root, "app/in"), ["in"]),
  ].sort(bySpecificity);
  const server = http.createServer(async (nodeReq, nodeRes) => {
    try {
      const url = new URL(nodeReq.url ?? "/", `http://${nodeReq.headers.host}`);
      const match = matchRoute(routes, url.pathname);
      if (!match) {
        nodeRes.writeHead(404).end();
        return;
      }
      match.route.module ??= (await import(match.route.file)) as Record<string, Handler>;
      const handler = match.route.module[nodeReq.method ?? "GET"];
      if (!handler) {
        nodeRes.writeHead(405).end();
        return;
      }
      await serveRouteHandler(handler, match.params, nodeReq, nodeRes);
    } catch (error) {
      console.error(error);
      nodeRes.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function findRoutes(dir: string, prefix: string[] = ["api"]): Route[] {
  const routes: Route[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) routes.push(...findRoutes(path.join(dir, entry.name), [...prefix, entry.name]));
    else if (entry.name === "route.ts") routes.push({ segments: prefix, file: path.join(dir, entry.name) });
  }
  return routes;
}

const rank = (s: string) => (s.startsWith("[...") ? 2 : s.startsWith("[") ? 1 : 0);

function bySpecificity(a: Route, b: Route): number {
  for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
    const d = rank(a.segments[i] ?? "") - rank(b.segments[i] ?? "");
    if (d !== 0) return d;
  }
  return b.segments.length - a.segments.length;
}

function matchRoute(routes: Route[], pathname: string) {
  const parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  for (const route of routes) {
    const params: Record<string, string | string[]> = {};
    let ok = true;
    const catchAll = route.segments.some((s) => s.startsWith("[..."));
    if (catchAll && parts.length < route.segments.length) continue;
    for (let i = 0; i < route.segments.length && ok; i++) {
      const seg = route.segments[i]!;
      if (seg.startsWith("[...")) {
        if (parts.length <= i) break;
        params[seg.slice(4, -1)] = parts.slice(i);
        return { route, params };
      }
      const part = parts[i];
      if (part === undefined) ok = false;
      else if (seg.startsWith("[")) params[seg.slice(1, -1)] = part;
      else if (seg !== part) ok = false;
    }
    if (ok && parts.length === route.segments.length) return { route, params };
  }
  return null;
}
