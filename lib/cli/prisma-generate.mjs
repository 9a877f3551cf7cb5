// `prisma generate` without the web: Prisma's CLI insists on having its schema-engine binary
// (a download) before any command, though generate never runs it. We point it at an offline
// stand-in that explains where migrations live instead. See ARCHITECTURE.md, "Migrations".
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const cli = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");
const result = spawnSync(process.execPath, [cli, "generate", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: path.resolve("prisma/schema-engine-offline.sh"),
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
process.exit(result.status ?? 1);
