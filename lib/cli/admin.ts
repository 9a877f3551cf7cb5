// `npm run admin -- <command>`: operator commands for servers where nobody signs up (SIGNUP_ENABLED
// off, or before the first account exists). Uses DATABASE_URL, or the embedded database.
//
//   create-tenant <name> [--owner-email <email>]   a tenant, its first API key, an owner invitation
//   create-api-key --tenant <id|name> [--name <key name>]
//   list-tenants
import { parseArgs } from "node:util";
import { ApiError } from "@/lib/api/errors";
import { boot } from "@/lib/cli/boot";
import { disconnectDb } from "@/lib/db";
import {
  createTenantKey,
  createTenantWithOwnerInvitation,
  findTenant,
  listTenants,
} from "@/lib/tenants/admin";

const USAGE = `Usage: npm run admin -- <command>
  create-tenant <name> [--owner-email <email>]   creates a tenant and prints its first API key
                                                 (and an owner invitation link with --owner-email)
  create-api-key --tenant <id|name> [--name <name>]
  list-tenants`;

const { positionals, values } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        "owner-email": { type: "string" },
        tenant: { type: "string" },
        name: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
})();
const [command, ...rest] = positionals;
const usage = (problem?: string): never => {
  console.error(`${problem ? `${problem}\n\n` : ""}${USAGE}`);
  process.exit(problem ? 2 : 0);
};
if (values.help || !command) usage();
const run = {
  "create-tenant": async () => {
    const name = rest.join(" ").trim();
    if (!name) usage("create-tenant needs a name");
    const created = await createTenantWithOwnerInvitation(name, values["owner-email"]);
    console.log(`Tenant ${created.tenantId} (${name}) created.`);
    console.log(`API key "${created.key.name}": Authorization: Bearer ${created.key.key}`);
    if (created.invitationUrl) {
      console.log(`Owner invitation for ${values["owner-email"]} (valid 7 days): ${created.invitationUrl}`);
    }
  },
  "create-api-key": async () => {
    if (!values.tenant) usage("create-api-key needs --tenant <id|name>");
    const tenant = await findTenant(values.tenant!);
    const key = await createTenantKey(tenant.id, values.name ?? "Admin CLI key");
    console.log(`API key "${key.name}" for ${tenant.id} (${tenant.name}): Authorization: Bearer ${key.key}`);
  },
  "list-tenants": async () => {
    const tenants = await listTenants();
    if (tenants.length === 0) return console.log("No tenants yet: npm run admin -- create-tenant <name>");
    console.log(["id", "name", "members", "live keys", "applications", "created"].join("\t"));
    for (const t of tenants) {
      console.log(
        [t.id, t.name, t.members, t.liveKeys, t.applications, t.createdAt.toISOString()].join("\t"),
      );
    }
  },
}[command!];
if (!run) usage(`Unknown command: ${command}`);

const booted = await boot(() => {});
let code = 0;
try {
  await run!();
} catch (error) {
  // Our own errors (unknown tenant, a taken email…) are one line; anything else is a bug.
  if (!(error instanceof ApiError)) throw error;
  console.error(error.message);
  code = 1;
} finally {
  await disconnectDb();
  await booted.shutdown();
}
process.exit(code);
