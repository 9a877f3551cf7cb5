import http from "node:http";
import https from "node:https";
import net from "node:net";
import { deliveryConfig } from "@/lib/delivery/config";
import { checkDestination, type GuardOptions } from "@/lib/delivery/ssrf-guard";

export type UrlCheck =
  | { ok: true; message: string }
  | { ok: false; kind: "invalid_url" | "ssrf_blocked" | "dns" | "refused" | "timeout"; message: string };

const CONNECT_MS = 3000;

/**
 * Whether an endpoint's URL can work, said at once when it is created: the delivery guard's own
 * decision (the URL, https, the address range — nothing private is ever connected to), the name
 * resolving, and a TCP connection to the address the guard allowed (through DELIVERY_PROXY_URL when
 * set, as deliveries go; closed at once; no request is sent). A test event tells the rest.
 */
export async function checkEndpointUrl(
  url: string,
  guard: GuardOptions = deliveryConfig().guard,
): Promise<UrlCheck> {
  const decision = await checkDestination(url, { ...guard, timeoutMs: CONNECT_MS });
  if (!decision.allowed)
    return {
      ok: false,
      kind: decision.kind,
      message:
        decision.kind === "ssrf_blocked"
          ? "Blocked: this URL points to a private or reserved address, which Hookline never delivers to."
          : decision.kind === "dns"
            ? `The host name ${hostOf(url)} does not resolve.`
            : `This URL cannot be used: ${decision.reason}.`,
    };
  const port = Number(decision.url.port) || (decision.url.protocol === "https:" ? 443 : 80);
  const reached = guard.proxy
    ? await tunnel(guard.proxy, decision.address, port)
    : await new Promise<"ok" | "refused" | "timeout">((resolve) => {
        const socket = net.connect({ host: decision.address, port, family: decision.family });
        const done = (result: "ok" | "refused" | "timeout") => {
          socket.destroy();
          resolve(result);
        };
        socket.setTimeout(CONNECT_MS, () => done("timeout"));
        socket.once("connect", () => done("ok"));
        socket.once("error", () => done("refused"));
      });
  if (reached === "proxy")
    return {
      ok: false,
      kind: "refused",
      message:
        "The delivery proxy (DELIVERY_PROXY_URL) cannot be reached or refused the tunnel; ask the operator.",
    };
  if (reached === "refused")
    return {
      ok: false,
      kind: "refused",
      message: "Your server refused the connection: is it running and listening on this port?",
    };
  if (reached === "timeout")
    return {
      ok: false,
      kind: "timeout",
      message: `Your server did not accept a connection within ${CONNECT_MS / 1000} s.`,
    };
  return { ok: true, message: "Your server accepts connections. Send a test event to see it answer." };
}

/**
 * With DELIVERY_PROXY_URL, the check goes the way deliveries go: a CONNECT tunnel through the proxy
 * to the checked address (closed as soon as the proxy answers). A 2xx is a connection; a 502/504
 * from the proxy is the server refusing or not answering; anything else is the proxy's problem.
 */
function tunnel(
  proxyUrl: string,
  address: string,
  port: number,
): Promise<"ok" | "refused" | "timeout" | "proxy"> {
  const proxy = new URL(proxyUrl);
  const target = `${address.includes(":") ? `[${address}]` : address}:${port}`;
  const auth = proxy.username
    ? `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString("base64")}`
    : undefined;
  return new Promise((resolve) => {
    const req = (proxy.protocol === "https:" ? https : http).request({
      host: proxy.hostname,
      port: Number(proxy.port) || (proxy.protocol === "https:" ? 443 : 80),
      method: "CONNECT",
      path: target,
      headers: { host: target, ...(auth ? { "proxy-authorization": auth } : {}) },
      timeout: CONNECT_MS,
    });
    const done = (result: "ok" | "refused" | "timeout" | "proxy") => {
      req.destroy();
      resolve(result);
    };
    req.once("connect", (res, socket) => {
      socket.destroy();
      const status = res.statusCode ?? 0;
      done(
        status >= 200 && status < 300
          ? "ok"
          : status === 504
            ? "timeout"
            : status === 502
              ? "refused"
              : "proxy",
      );
    });
    req.once("timeout", () => done("timeout"));
    req.once("error", () => done("proxy"));
    req.end();
  });
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
