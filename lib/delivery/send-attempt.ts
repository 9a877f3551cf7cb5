import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { HttpsProxyAgent } from "https-proxy-agent";
import { parseRetryAfter } from "@/lib/delivery/retry-policy";
import { checkDestination, type GuardOptions } from "@/lib/delivery/ssrf-guard";

export const RESPONSE_BODY_LIMIT = 4096;

export type ErrorKind =
  | "timeout"
  | "connection"
  | "ssrf_blocked"
  // The host did not resolve (in time): retried.
  | "dns"
  | "redirect"
  | "http_status"
  | "invalid_url"
  // The request could not be made at all (see lib/delivery/build-request.ts):
  | "invalid_header"
  | "expunged"
  | "secret_unreadable"
  // The endpoint's transformation threw, ran over its limits or returned something unusable.
  | "transformation"
  // Anything else that went wrong in Hookline after the delivery was claimed.
  | "internal";

export interface AttemptRequest {
  url: string;
  /** POST unless a transformation asked for PUT. */
  method?: "POST" | "PUT";
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

/** What one HTTP try came to. The caller decides about retries; `permanent` failures never retry. */
export interface AttemptResult {
  outcome: "success" | "failure";
  status: number;
  durationMs: number;
  responseBody: string;
  errorKind: ErrorKind | null;
  errorMessage: string | null;
  permanent: boolean;
  retryAfterMs: number | null;
}

// Idle keep-alive sockets are closed after IDLE_SOCKET_MS, under the 5 s that Node, Apache and
// many proxies keep them (a server's shorter `Keep-Alive: timeout` hint is honoured too), so we
// rarely write to a socket the receiver is closing.
const IDLE_SOCKET_MS = 4000;
// No cap on sockets per host here: the worker's dispatcher already limits attempts in flight, per
// process and per endpoint, and many endpoints may share one host.
const agentOptions = { keepAlive: true, timeout: IDLE_SOCKET_MS, maxSockets: Infinity, maxFreeSockets: 4096 };
const agents = {
  http: new http.Agent({ ...agentOptions, scheduling: "lifo" }),
  https: new https.Agent({ ...agentOptions, scheduling: "lifo" }),
};

// Through DELIVERY_PROXY_URL: a keep-alive agent per proxy that opens CONNECT tunnels to the
// checked address (https-proxy-agent: TLS to the receiver inside the tunnel, SNI the endpoint's
// host; plain HTTP inside it for http:// endpoints, so the proxy never resolves a name for us).
const proxyAgents = new Map<string, HttpsProxyAgent<string>>();
function proxyAgent(proxy: string, fresh: boolean): HttpsProxyAgent<string> {
  if (fresh) return new HttpsProxyAgent(proxy, { keepAlive: false });
  let agent = proxyAgents.get(proxy);
  if (!agent) {
    agent = new HttpsProxyAgent(proxy, { ...agentOptions, scheduling: "lifo" });
    proxyAgents.set(proxy, agent);
  }
  return agent;
}

// What a receiver closing a reused keep-alive socket under our write looks like.
const STALE_SOCKET_ERRORS = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED"]);

/**
 * POSTs `body` to the endpoint after the SSRF guard approved its address, connecting to exactly
 * that address (DNS-pinned), following no redirects, and reading at most 4 KiB of the response.
 * A reused keep-alive socket that the receiver had just closed (reset before any byte of answer)
 * is not the receiver failing: the request goes again at once on a fresh connection, within the
 * same timeout.
 */
export async function sendAttempt(
  request: AttemptRequest,
  guard: GuardOptions,
  now = () => new Date(),
): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  // Resolving the host counts against the attempt's timeout.
  const decision = await checkDestination(request.url, { ...guard, timeoutMs: request.timeoutMs });
  if (!decision.allowed) {
    // A name that does not resolve now may resolve later: retried. A refused address or URL is not.
    return failure(elapsed(), 0, decision.kind, decision.reason, decision.kind !== "dns");
  }
  const proxy = guard.proxy ?? null;
  const first = await post(request, decision, proxy, request.timeoutMs - elapsed(), elapsed, now, false);
  if (!first.staleSocket) return first.result;
  return (await post(request, decision, proxy, request.timeoutMs - elapsed(), elapsed, now, true)).result;
}

function post(
  request: AttemptRequest,
  destination: { url: URL; address: string; family: 4 | 6 },
  proxy: string | null,
  timeoutMs: number,
  elapsed: () => number,
  now: () => Date,
  freshConnection: boolean,
): Promise<{ result: AttemptResult; staleSocket: boolean }> {
  const { url, address, family } = destination;
  const pinned: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all)
      (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const isHttps = url.protocol === "https:";
  const body = Buffer.from(request.body);

  return new Promise((resolve) => {
    let settled = false;
    let answered = false;
    const finish = (result: AttemptResult, staleSocket = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ result, staleSocket });
    };
    const req = (isHttps ? https : http).request(
      {
        protocol: url.protocol,
        // Through a proxy the tunnel goes to the checked address itself, and the Host header (and
        // TLS server name, below) stay the endpoint's.
        hostname: proxy ? address : url.hostname.replace(/^\[|\]$/g, ""),
        port: url.port || (isHttps ? 443 : 80),
        path: `${url.pathname}${url.search}`,
        method: request.method ?? "POST",
        headers: {
          ...request.headers,
          "content-length": String(body.length),
          ...(proxy ? { host: url.host } : {}),
        },
        // `false`: a one-off connection of its own, closed after this request.
        agent: proxy
          ? proxyAgent(proxy, freshConnection)
          : freshConnection
            ? false
            : isHttps
              ? agents.https
              : agents.http,
        lookup: pinned,
        servername: isHttps ? url.hostname : undefined,
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        let size = 0;
        const done = (truncated: boolean) => {
          const status = res.statusCode ?? 0;
          const text = Buffer.concat(chunks).subarray(0, RESPONSE_BODY_LIMIT).toString("utf8");
          if (truncated) res.destroy();
          if (status >= 200 && status < 300) {
            finish({
              outcome: "success",
              status,
              durationMs: elapsed(),
              responseBody: text,
              errorKind: null,
              errorMessage: null,
              permanent: false,
              retryAfterMs: null,
            });
          } else if (status >= 300 && status < 400) {
            finish(
              failure(
                elapsed(),
                status,
                "redirect",
                `Redirect to ${res.headers.location ?? "(no location)"} not followed`,
                false,
                text,
              ),
            );
          } else {
            const retryAfter =
              status === 429 || status === 503 ? parseRetryAfter(res.headers["retry-after"], now()) : null;
            finish({
              ...failure(elapsed(), status, "http_status", `HTTP ${status}`, false, text),
              retryAfterMs: retryAfter,
            });
          }
        };
        res.on("data", (chunk: Buffer) => {
          if (size >= RESPONSE_BODY_LIMIT) return;
          chunks.push(chunk);
          size += chunk.length;
          if (size >= RESPONSE_BODY_LIMIT) done(true);
        });
        res.on("end", () => done(false));
        res.on("error", () => done(true));
      },
    );
    const timer = setTimeout(
      () => {
        finish(failure(elapsed(), 0, "timeout", `No response within ${request.timeoutMs} ms`, false));
        req.destroy();
      },
      Math.max(timeoutMs, 1),
    );
    req.on("error", (error: NodeJS.ErrnoException) => {
      const stale =
        !freshConnection && req.reusedSocket && !answered && STALE_SOCKET_ERRORS.has(error.code ?? "");
      finish(failure(elapsed(), 0, "connection", `${error.code ?? "ERROR"}: ${error.message}`, false), stale);
    });
    req.end(body);
  });
}

function failure(
  durationMs: number,
  status: number,
  kind: ErrorKind,
  message: string,
  permanent: boolean,
  body = "",
): AttemptResult {
  return {
    outcome: "failure",
    status,
    durationMs,
    responseBody: body,
    errorKind: kind,
    errorMessage: message,
    permanent,
    retryAfterMs: null,
  };
}
