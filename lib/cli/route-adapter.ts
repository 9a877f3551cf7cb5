import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";

/** An App Router route handler: `export const POST = apiHandler(…)` in app/api/…/route.ts. */
// biome-ignore lint/suspicious/noExplicitAny: each route types its own params.
export type RouteHandler = (req: Request, ctx: { params: Promise<any> }) => Promise<Response>;

/**
 * Runs a route handler for a Node request, as Next would: a web Request in (the body streamed,
 * not buffered), the web Response written out. Used by the HTTP server for its hot routes and by
 * the contract tests' server, so both run the handlers exactly as they are.
 */
export async function serveRouteHandler(
  handler: RouteHandler,
  params: Record<string, string | string[]>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2)
    headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  // The client address is our server's stamp (lib/http/client-address.ts), never what was sent.
  headers.delete(CLIENT_ADDRESS_HEADER);
  const stamped = req.headers[CLIENT_ADDRESS_HEADER];
  if (typeof stamped === "string") headers.set(CLIENT_ADDRESS_HEADER, stamped);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const request = new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
    duplex: "half",
  } as RequestInit);
  const response = await handler(request, { params: Promise.resolve(params) });
  const body = Buffer.from(await response.arrayBuffer());
  const out: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    out[name] = value;
  });
  res.writeHead(response.status, out).end(body);
}
