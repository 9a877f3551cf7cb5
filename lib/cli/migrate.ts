// `npm run migrate`: applies prisma/migrations to DATABASE_URL (or the embedded database) and exits.
import { boot } from "@/lib/cli/boot";

const booted = await boot((line) => console.log(`[hookline] ${line}`));
console.log("[hookline] Migrations are up to date.");
await booted.shutdown();
process.exit(0);
