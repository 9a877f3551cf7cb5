import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const STUB = path.join(root, "prisma/schema-engine-offline.sh");

/**
 * The SQL that turns `from` (empty, or the database at `fromUrl`) into what prisma/schema.prisma
 * describes, printed by Prisma 6.19's WebAssembly schema engine (package alias `prisma-ddl`).
 * `scratchUrl` is a database the engine may connect to; it is not changed.
 */
export async function schemaDdl(scratchUrl: string, fromUrl?: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hookline-ddl-"));
  const schema = fs
    .readFileSync(path.join(root, "prisma/schema.prisma"), "utf8")
    .replace(/datasource db \{/, 'datasource db {\n  url = env("DDL_DATABASE_URL")')
    .replace(/generator client \{[^}]*\}/, "");
  fs.writeFileSync(path.join(dir, "schema.prisma"), schema);
  fs.writeFileSync(
    path.join(dir, "ddl.config.mjs"),
    `import { PrismaPg } from ${JSON.stringify(path.join(root, "node_modules/@prisma/adapter-pg/dist/index.mjs"))};
export default { experimental: { adapter: true }, engine: "js", schema: "schema.prisma",
  adapter: async () => new PrismaPg({ connectionString: process.env.DDL_DATABASE_URL }) };`,
  );
  const from = fromUrl ? ["--from-schema-datasource", "schema.prisma"] : ["--from-empty"];
  try {
    const { stdout } = await run(
      process.execPath,
      [
        path.join(root, "node_modules/prisma-ddl/build/index.js"),
        "migrate",
        "diff",
        "--config",
        "ddl.config.mjs",
        ...from,
        "--to-schema-datamodel",
        "schema.prisma",
        "--script",
      ],
      {
        cwd: dir,
        env: {
          ...process.env,
          DDL_DATABASE_URL: fromUrl ?? scratchUrl,
          PRISMA_SCHEMA_ENGINE_BINARY: STUB,
          PRISMA_QUERY_ENGINE_LIBRARY: STUB,
          PRISMA_HIDE_UPDATE_MESSAGE: "1",
        },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    return stdout;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
