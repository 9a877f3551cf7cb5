// `npm run listen -- <local-url> --app <app id or uid> [--server <url>] [--key <api key>] [--name <name>]`:
// forwards an application's deliveries to a receiver on this machine. It opens the application's
// relay on the Hookline server (POST /api/v1/relay), makes (or reuses, and enables) an endpoint
// whose URL is the relay's, connects over a WebSocket and answers each delivery with what the
// local receiver answers, so attempts are recorded as the receiver answered them (a receiver that
// is down answers 502: the normal retries follow). Reconnects with backoff; Ctrl-C disables the
// endpoint. Server and key default to HOOKLINE_URL / HOOKLINE_API_KEY, and on the embedded default
// to the local server and its demo key (the application to the demo's).
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { config as loadDotenv } from "dotenv";
import WebSocket from "ws";
import { isHopHeader } from "@/lib/http/hop-headers";

const USAGE = `Usage: npm run listen -- <local-url> --app <app id or uid> [--server <url>] [--key <api key>] [--name <name>]`;
const LOCAL_TIMEOUT_MS = 14_000;
const RESPONSE_LIMIT = 1024 * 1024;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { positionals, values } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        app: { type: "string" },
        server: { type: "string" },
        key: { type: "string" },
        name: { type: "string", default: "default" },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`);
  }
})();

loadDotenv({ path: ".env", quiet: true });
// The embedded default's demo (written by `npm start` beside its database).
const demoFile = `${path.resolve(process.env.EMBEDDED_PG_DIR ?? ".data/postgres")}.demo.json`;
const demo = fs.existsSync(demoFile)
  ? (JSON.parse(fs.readFileSync(demoFile, "utf8")) as { apiKey: string; applicationId: string })
  : null;
const local = positionals[0] ?? fail(USAGE);
if (!/^https?:\/\//.test(local))
  fail(`The local URL must start with http:// or https:// (got ${local})\n${USAGE}`);
// Empty values (`APP_URL=` in .env) count as unset.
const server = (
  values.server ||
  process.env.HOOKLINE_URL ||
  process.env.APP_URL ||
  `http://localhost:${process.env.PORT || 3000}`
).replace(/\/+$/, "");
const key =
  values.key ||
  process.env.HOOKLINE_API_KEY ||
  demo?.apiKey ||
  fail(`Give --key or HOOKLINE_API_KEY\n${USAGE}`);
const app = values.app || (key === demo?.apiKey ? demo.applicationId : fail(`Give --app\n${USAGE}`));
const endpointUid = `listen-${values.name}`;

async function api(
  method: string,
  pathname: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${server}/api/v1${pathname}`, {
    method,
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).catch((error: unknown) => {
    const { cause } = error as { cause?: { code?: string; message?: string } };
    throw new Error(
      `Cannot reach ${server} (${cause?.code ?? cause?.message ?? (error as Error).message}): is Hookline running there? (--server, HOOKLINE_URL)`,
    );
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

function explain(what: string, r: { status: number; json: unknown }): never {
  const detail = (r.json as { detail?: unknown } | null)?.detail;
  return fail(
    `${what}: HTTP ${r.status} ${typeof detail === "string" ? detail : JSON.stringify(detail ?? "")}`,
  );
}

/** The relay and the endpoint delivering to it: made the first time, reused (and enabled) after. */
async function prepare(): Promise<{ relayId: string; relayUrl: string; endpointId: string }> {
  const relay = await api("POST", "/relay", { app, name: values.name });
  if (relay.status !== 200) explain("Could not open a relay", relay);
  const { id: relayId, url: relayUrl } = relay.json as { id: string; url: string };
  const description = `npm run listen → ${local}`;
  const base = `/app/${encodeURIComponent(app)}/endpoint`;
  const found = await api("GET", `${base}/${endpointUid}`);
  let endpointId: string;
  if (found.status === 404) {
    const created = await api("POST", base, { url: relayUrl, uid: endpointUid, description });
    if (created.status !== 201) explain("Could not create the endpoint", created);
    endpointId = (created.json as { id: string }).id;
  } else if (found.status === 200) {
    endpointId = (found.json as { id: string }).id;
    const patched = await api("PATCH", `${base}/${endpointId}`, {
      url: relayUrl,
      disabled: false,
      description,
    });
    if (patched.status !== 200) explain("Could not update the endpoint", patched);
  } else return explain("Could not read the endpoint", found);
  return { relayId, relayUrl, endpointId };
}

interface RelayedRequest {
  id: string;
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body: string;
}

/** The local receiver's answer to one relayed request (502 when it cannot be reached). */
async function forward(
  r: RelayedRequest,
): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const target = `${local.replace(/\/+$/, "")}${r.path === "/" ? "" : r.path}${r.query ? `?${r.query}` : ""}`;
  const started = performance.now();
  const label = `${r.method} ${r.headers["webhook-id"] ?? r.path}`;
  try {
    const res = await fetch(r.path === "/" && !r.query ? local : target, {
      method: r.method,
      headers: Object.fromEntries(Object.entries(r.headers).filter(([n]) => !isHopHeader(n))),
      body: r.method === "GET" || r.method === "HEAD" ? undefined : Buffer.from(r.body, "base64"),
      redirect: "manual",
      signal: AbortSignal.timeout(LOCAL_TIMEOUT_MS),
    });
    const body = Buffer.from(await res.arrayBuffer()).subarray(0, RESPONSE_LIMIT);
    console.log(`  ${label} → ${res.status} in ${Math.round(performance.now() - started)} ms`);
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      if (!isHopHeader(name) && name !== "content-encoding") headers[name] = value;
    });
    return { status: res.status, headers, body: body.toString("base64") };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    console.log(`  ${label} → local receiver unreachable (${cause}): answered 502`);
    const body = JSON.stringify({ error: `npm run listen could not reach ${local}: ${cause}` });
    return {
      status: 502,
      headers: { "content-type": "application/json" },
      body: Buffer.from(body).toString("base64"),
    };
  }
}

const { relayId, relayUrl, endpointId } = await prepare().catch((error: unknown) =>
  fail((error as Error).message),
);
let socket: WebSocket | null = null;
let stopping = false;
let attempt = 0;
let announced = false;

function connect() {
  const ws = new WebSocket(`${server.replace(/^http/, "ws")}/api/v1/relay/${relayId}/listen`, {
    headers: { authorization: `Bearer ${key}` },
    maxPayload: 8 * 1024 * 1024,
  });
  socket = ws;
  ws.on("unexpected-response", (_req, res) => {
    // 401/403/404 will not get better by retrying; anything else (a restart's 502/503) may.
    if ([401, 403, 404].includes(res.statusCode ?? 0))
      fail(`The server refused to relay (HTTP ${res.statusCode}): check --key and --app`);
    reason = ` (HTTP ${res.statusCode})`;
    ws.terminate();
  });
  ws.on("message", (data) => {
    const message = JSON.parse(String(data)) as { type: string } & Partial<RelayedRequest>;
    if (message.type === "ready") {
      attempt = 0;
      if (!announced)
        console.log(`Forwarding ${relayUrl} → ${local}\n  (endpoint ${endpointId}; Ctrl-C to stop)`);
      else console.log("Reconnected.");
      announced = true;
    } else if (message.type === "request") {
      void forward(message as RelayedRequest).then((answer) => {
        if (ws.readyState === ws.OPEN)
          ws.send(JSON.stringify({ type: "response", id: message.id, ...answer }));
      });
    }
  });
  let reason = "";
  ws.on("error", (error) => {
    reason = ` (${(error as { code?: string }).code ?? error.message})`; // "close" follows
  });
  ws.on("close", () => {
    if (stopping) return;
    const wait = Math.min(500 * 2 ** attempt, 10_000);
    attempt += 1;
    console.log(`Connection to ${server} lost${reason}; reconnecting in ${(wait / 1000).toFixed(1)} s…`);
    setTimeout(connect, wait);
  });
}

async function stop() {
  if (stopping) return;
  stopping = true;
  socket?.close();
  const res = await api("PATCH", `/app/${encodeURIComponent(app)}/endpoint/${endpointId}`, {
    disabled: true,
  }).catch((error: unknown) => ({ status: 0, json: { detail: (error as Error).message } }));
  if (res.status === 200) console.log(`\nDisabled endpoint ${endpointId}; run this again to enable it.`);
  else
    console.log(`\nCould not disable endpoint ${endpointId} (HTTP ${res.status}); disable it in the portal.`);
  process.exit(0);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
connect();
