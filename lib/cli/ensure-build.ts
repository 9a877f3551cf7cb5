import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const STAMP = path.join(".next", "hookline-build-stamp");
const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.js",
  "package-lock.json",
  "prisma/schema.prisma",
];

/**
 * Runs `next build` when there is no build, or when the sources changed since the last one (a
 * fingerprint of their paths, sizes and modification times), so `npm start` never serves stale code.
 */
export async function ensureBuild(log: (line: string) => void, force = false): Promise<void> {
  const fingerprint = sourceFingerprint();
  const built = fs.existsSync(path.join(".next", "BUILD_ID")) && fs.existsSync(STAMP);
  if (!force && built && fs.readFileSync(STAMP, "utf8") === fingerprint) return;
  log(
    built
      ? "Sources changed since the last build: building (a minute or two)…"
      : "No build yet: building the app (a minute or two)…",
  );
  const nextBin = path.join(path.dirname(require_resolve("next/package.json")), "dist", "bin", "next");
  const result = spawnSync(process.execPath, [nextBin, "build"], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) {
    console.error("[hookline] The build failed; see the output above.");
    process.exit(1);
  }
  fs.writeFileSync(STAMP, fingerprint);
}

function require_resolve(id: string): string {
  return path.resolve("node_modules", id);
}

function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const visit = (p: string) => {
    if (!fs.existsSync(p) || p.includes(`${path.sep}generated`)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) for (const name of fs.readdirSync(p).sort()) visit(path.join(p, name));
    else hash.update(`${p}:${stat.size}:${stat.mtimeMs}\n`);
  };
  for (const source of SOURCES) visit(source);
  return hash.digest("hex");
}
