import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { Webhook } from "standardwebhooks";
import { Svix } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { db } from "@/lib/db";
import { freePort } from "@/lib/db/embedded";
import { type AppProcess, startApp } from "../support/app-process";
import { launchBrowser, SCREENSHOTS } from "../support/browser";
import { freshDatabase } from "../support/database";
import { createTestTenant } from "../support/fixtures";
import { pageErrors, signInAsDemo } from "../support/portal-session";
import { type ReceivedRequest, startReceiver, waitUntil } from "../support/receiver";

const root = path.resolve(import.meta.dirname, "../..");
const ENV = {
  DELIVERY_ALLOW_CIDRS: "127.0.0.0/8",
  DELIVERY_REQUIRE_HTTPS: "false",
  DELIVERY_RETRY_SCHEDULE: "0,300ms,300ms",
  DELIVERY_RETRY_JITTER: "0",
};

let databaseUrl: string;
let port: number;
let app: AppProcess;
let key: string;
let demoBanner: string;
let svix: Svix;
const started: ChildProcess[] = [];

beforeAll(async () => {
  databaseUrl = await freshDatabase();
  port = await freePort();
  app = await startApp(databaseUrl, ENV, port);
  key = /Demo API key:\s+(\S+)/.exec(app.output())![1]!;
  demoBanner = app.output();
  svix = new Svix(key, { serverUrl: app.url });
}, 600_000);

afterAll(async () => {
  for (const child of started) if (child.exitCode === null) child.kill("SIGKILL");
  await app?.stop();
});

/**
 * `npm run listen` as a developer runs it, with --server and --key, or (`fromEnv`) with
 * HOOKLINE_URL and HOOKLINE_API_KEY and an empty APP_URL as .env has it; resolves once it forwards.
 */
async function listen(local: string, server: string, name = "default", fromEnv = false) {
  let output = "";
  const args = ["--import", "tsx", "lib/cli/listen.ts", local, "--app", "demo-customer", "--name", name];
  const env = fromEnv
    ? { HOOKLINE_URL: server, HOOKLINE_API_KEY: key, APP_URL: "" }
    : { HOOKLINE_URL: "", HOOKLINE_API_KEY: "", APP_URL: "" };
  const child = spawn(process.execPath, fromEnv ? args : [...args, "--server", server, "--key", key], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  await waitUntil(async () => output.includes("Forwarding"), 30_000).catch(() => {
    throw new Error(`npm run listen did not start:\n${output}`);
  });
  return {
    output: () => output,
    interrupt: () =>
      new Promise<number | null>((resolve) => {
        child.once("exit", (code) => resolve(code));
        child.kill("SIGINT");
      }),
  };
}

const verified = async (req: ReceivedRequest, endpoint: string) => {
  const { key: secret } = await svix.endpoint.getSecret("demo-customer", endpoint);
  return new Webhook(secret).verify(req.body, {
    "webhook-id": String(req.headers["webhook-id"]),
    "webhook-timestamp": String(req.headers["webhook-timestamp"]),
    "webhook-signature": String(req.headers["webhook-signature"]),
  });
};

const attemptsOf = (messageId: string) =>
  db.messageAttempt.findMany({
    where: { messageId },
    orderBy: { id: "asc" },
    select: { responseStatusCode: true },
  });

describe("npm run listen", () => {
  it("forwards deliveries to a local receiver; its 500 is the attempt's and is retried; down is 502; survives a restart; Ctrl-C disables", {
    timeout: 240_000,
  }, async () => {
    const receiver = await startReceiver(() => ({ status: 200, body: "local ok" }));
    const cli = await listen(`${receiver.url}/hooks`, app.url);
    expect(cli.output()).toMatch(new RegExp(`Forwarding ${app.url}/relay/\\S+ → ${receiver.url}/hooks`));
    const endpoint = await svix.endpoint.get("demo-customer", "listen-default");
    expect(endpoint.url).toMatch(/\/relay\//);

    const first = await svix.message.create("demo-customer", {
      eventType: "invoice.paid",
      payload: { n: 1 },
    });
    await receiver.waitFor(1);
    expect(receiver.requests[0]!.url).toBe(new URL(`${receiver.url}/hooks`).pathname);
    expect(await verified(receiver.requests[0]!, endpoint.id)).toEqual({ n: 1 });
    await waitUntil(async () => (await attemptsOf(first.id)).length === 1);
    expect(await attemptsOf(first.id)).toEqual([{ responseStatusCode: 200 }]);

    // The local receiver's 500 is recorded as such, and retried on the normal schedule.
    receiver.setResponder(() => ({ status: 500, body: "local bug" }));
    const failing = await svix.message.create("demo-customer", {
      eventType: "invoice.paid",
      payload: { n: 2 },
    });
    await waitUntil(async () => (await attemptsOf(failing.id)).length >= 2, 20_000);
    expect((await attemptsOf(failing.id)).slice(0, 2)).toEqual([
      { responseStatusCode: 500 },
      { responseStatusCode: 500 },
    ]);

    // Hangs: the attempt times out at the endpoint's timeout (2 s here), is recorded so and retried;
    // the CLI and the relay give up on their own later, nothing is left waiting.
    const patched = await fetch(`${app.url}/api/v1/app/demo-customer/endpoint/${endpoint.id}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ timeout: 2 }),
    });
    expect(patched.status).toBe(200);
    receiver.setResponder(() => "hang");
    const hung = await svix.message.create("demo-customer", { eventType: "invoice.paid", payload: { n: 9 } });
    await waitUntil(async () => (await attemptsOf(hung.id)).length >= 1, 20_000);
    const timedOut = await db.messageAttempt.findFirstOrThrow({ where: { messageId: hung.id } });
    expect(timedOut).toMatchObject({ outcome: "failure", errorKind: "timeout", responseStatusCode: 0 });
    receiver.setResponder(() => ({ status: 200 }));

    // Down: the CLI answers 502 for it.
    await receiver.close();
    const down = await svix.message.create("demo-customer", { eventType: "invoice.paid", payload: { n: 3 } });
    await waitUntil(async () => (await attemptsOf(down.id)).length >= 1, 20_000);
    expect((await attemptsOf(down.id))[0]).toEqual({ responseStatusCode: 502 });
    expect(cli.output()).toContain("local receiver unreachable");

    // The server restarts: the CLI reconnects and forwards again.
    const back = await startReceiver(() => ({ status: 204 }));
    const cli2 = await listen(`${back.url}/hooks`, app.url, "second");
    await app.stop();
    app = await startApp(databaseUrl, ENV, port);
    await waitUntil(async () => cli2.output().includes("Reconnected."), 30_000);
    await svix.message.create("demo-customer", { eventType: "invoice.paid", payload: { n: 4 } });
    await waitUntil(async () => back.requests.some((r) => JSON.parse(r.body).n === 4), 30_000);

    // What the portal shows for it: the attempts as the local receiver answered them.
    const browser = await launchBrowser();
    try {
      // The restarted server prints no demo login (it exists already): the first one's.
      const page = await signInAsDemo(browser, { ...app, output: () => demoBanner });
      await page.goto(`${app.url}/applications/demo-customer/endpoints/${endpoint.id}?tab=attempts`);
      await page.getByRole("cell", { name: /502/ }).first().waitFor();
      await page.screenshot({ path: path.join(SCREENSHOTS, "listen.png"), fullPage: true });
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await browser.close();
    }

    // A server that is not there: said in words, not a stack trace.
    const closedPort = await freePort();
    const nowhere = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "lib/cli/listen.ts",
        back.url,
        "--app",
        "x",
        "--server",
        `http://127.0.0.1:${closedPort}`,
        "--key",
        key,
      ],
      { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
    );
    started.push(nowhere);
    let said = "";
    nowhere.stderr?.on("data", (d) => (said += d));
    expect(await new Promise((resolve) => nowhere.once("exit", resolve))).toBe(1);
    expect(said).toContain(
      `Cannot reach http://127.0.0.1:${closedPort} (ECONNREFUSED): is Hookline running there?`,
    );

    // Ctrl-C: the endpoint is disabled, and says so; running again enables the same one.
    expect(await cli.interrupt()).toBe(0);
    expect(cli.output()).toContain(`Disabled endpoint ${endpoint.id}`);
    expect((await svix.endpoint.get("demo-customer", "listen-default")).disabled).toBe(true);
    const again = await listen(`${back.url}/hooks`, app.url);
    const reused = await svix.endpoint.get("demo-customer", "listen-default");
    expect(reused).toMatchObject({ id: endpoint.id, disabled: false });
    await again.interrupt();
    await cli2.interrupt();
    await back.close();
  });

  it("refuses a relay connection without a valid key, or for another tenant's relay", async () => {
    const relay = (await (
      await fetch(`${app.url}/api/v1/relay`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({ app: "demo-customer", name: "guarded" }),
      })
    ).json()) as { id: string };
    const other = (await createTestTenant("listen-other")).apiKey;
    const attempt = (relayId: string, bearer?: string) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`${app.url.replace(/^http/, "ws")}/api/v1/relay/${relayId}/listen`, {
          headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
        });
        ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
        ws.on("open", () => {
          ws.close();
          resolve(101);
        });
        ws.on("error", () => resolve(-1));
      });
    expect(await attempt(relay.id)).toBe(401);
    expect(await attempt(relay.id, "not-a-key")).toBe(401);
    expect(await attempt(relay.id, other)).toBe(404);
    expect(await attempt("rly_nope", key)).toBe(404);
    expect(await attempt(relay.id, key)).toBe(101);
  });

  it("works when the CLI's connection and the deliveries land on different API processes", {
    timeout: 180_000,
  }, async () => {
    // A second API process on the same database; its APP_URL is the first's, so the relay's URL
    // (what deliveries are sent to) names the first process while the CLI is connected to the second.
    const second = await startApp(databaseUrl, { ...ENV, APP_URL: app.url });
    try {
      const receiver = await startReceiver(() => ({ status: 200 }));
      const cli = await listen(receiver.url, second.url, "cross", true);
      expect(cli.output()).toContain(`Forwarding ${app.url}/relay/`);
      await svix.message.create("demo-customer", { eventType: "invoice.paid", payload: { n: 5 } });
      await waitUntil(async () => receiver.requests.some((r) => JSON.parse(r.body).n === 5), 30_000);
      await cli.interrupt();
      await receiver.close();
    } finally {
      await second.stop();
    }
  });
});
