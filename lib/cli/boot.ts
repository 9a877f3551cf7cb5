import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import { config as loadDotenv } from "dotenv";
import ipaddr from "ipaddr.js";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { sealStoredHeaders } from "@/lib/endpoints/header-box";
import { type Env, parseEnv, resetEnvCache } from "@/lib/env";
import { installJobQueue } from "@/lib/jobs/graphile/install-job-queue";

export interface Booted {
  env: Env;
  databaseUrl: string;
  embedded: boolean;
  shutdown(): Promise<void>;
}

/**
 * What every entry point (start, worker, migrate) does first: `.env` (created with fresh secrets
 * if missing, never overwritten), validated settings (exit with one line if wrong), the database
 * (DATABASE_URL, or the embedded PostgreSQL under .data/), and its migrations.
 */
export async function boot(log: (line: string) => void): Promise<Booted> {
  // Prisma's query compiler is WebAssembly, and V8 compiles all of it with its optimising tier
  // too: ~35 MiB of code per process. The baseline tier (Liftoff) alone runs our queries as fast
  // (measured: same latency), and the worker's peak RSS in the bench falls by as much. Set before
  // anything compiles WebAssembly: the flag is read when a module is compiled.
  v8.setFlagsFromString("--liftoff-only");
  ensureDotenv(log);
  loadDotenv({ path: ".env", quiet: true });
  applyLocalDefaults(process.env);
  let env: Env;
  try {
    env = parseEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  let databaseUrl = env.DATABASE_URL;
  let stopDatabase = async () => {};
  if (!databaseUrl) {
    const server = await startEmbeddedPostgres(env.EMBEDDED_PG_DIR, log);
    databaseUrl = server.url;
    stopDatabase = server.stop;
    process.env.DATABASE_URL = databaseUrl;
    resetEnvCache();
    log(`Embedded PostgreSQL is running on ${new URL(databaseUrl).host} (data in ${env.EMBEDDED_PG_DIR}).`);
  } else {
    log(`Using the PostgreSQL server at ${new URL(databaseUrl).host}.`);
  }
  const { applied } = await migrate(databaseUrl);
  if (applied.length) log(`Applied migrations: ${applied.join(", ")}`);
  const sealed = await sealStoredHeaders();
  if (sealed) log(`Encrypted the custom headers of ${sealed} endpoints stored in the clear.`);
  await installJobQueue(databaseUrl);
  return { env, databaseUrl, embedded: !env.DATABASE_URL, shutdown: stopDatabase };
}

/**
 * The embedded default (no DATABASE_URL), reachable from this machine only, is for trying
 * Hookline out: the demo may deliver to receivers here, over plain http, and /demo/widget needs
 * no sign-in. Listening on any other address (HOST=0.0.0.0), or with DATABASE_URL, none of this is
 * open unless set explicitly (DELIVERY_REQUIRE_HTTPS then defaults to on, DEMO_WIDGET and
 * DEMO_INSPECTOR to off).
 */
export function applyLocalDefaults(source: Record<string, string | undefined>): void {
  if (source.DATABASE_URL || !isLoopbackHost(source.HOST || "127.0.0.1")) return;
  source.DELIVERY_ALLOW_CIDRS ||= "127.0.0.0/8,::1/128";
  source.DELIVERY_REQUIRE_HTTPS ||= "false";
  source.DEMO_WIDGET ||= "true";
  source.DEMO_INSPECTOR ||= "true";
}

/** Whether HOST only accepts connections from this machine (localhost, 127.0.0.0/8, ::1). */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "");
  if (bare === "localhost") return true;
  return ipaddr.isValid(bare) && ipaddr.process(bare).range() === "loopback";
}

function ensureDotenv(log: (line: string) => void): void {
  if (fs.existsSync(".env")) return;
  const example = fs.existsSync(".env.example") ? fs.readFileSync(".env.example", "utf8") : "";
  const filled = example
    .replace(/^NEXTAUTH_SECRET=.*$/m, `NEXTAUTH_SECRET=${randomBytes(32).toString("base64url")}`)
    .replace(/^SECRETS_ENCRYPTION_KEY=.*$/m, `SECRETS_ENCRYPTION_KEY=${randomBytes(32).toString("base64")}`);
  fs.writeFileSync(".env", filled, { mode: 0o600 });
  log(`Wrote ${path.resolve(".env")} with freshly generated secrets.`);
}
