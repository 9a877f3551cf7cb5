import type { IncomingMessage } from "node:http";

/** Set by our HTTP server on every request: the client's address, as far as we can trust it. */
export const CLIENT_ADDRESS_HEADER = "x-hookline-client-address";

/**
 * Stamps the request with its client's address for rate limits. Any value the client sent under
 * that name is dropped. Directly reachable (the default), it is the socket's peer; behind a
 * reverse proxy (TRUST_PROXY), the last X-Forwarded-For entry, which that proxy appended (entries
 * before it came from the client and prove nothing).
 */
export function stampClientAddress(req: IncomingMessage, trustProxy: boolean): void {
  delete req.headers[CLIENT_ADDRESS_HEADER];
  const forwarded = trustProxy
    ? String(req.headers["x-forwarded-for"] ?? "")
        .split(",")
        .at(-1)
        ?.trim()
    : "";
  const address = forwarded || req.socket.remoteAddress;
  if (address) req.headers[CLIENT_ADDRESS_HEADER] = address.replace(/^::ffff:/, "");
}
