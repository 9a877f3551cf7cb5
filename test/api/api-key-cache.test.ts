import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REVOKED_CHANNEL } from "@/lib/api-keys/api-key-cache";
import { hashApiKey } from "@/lib/api-keys/key-format";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { db } from "@/lib/db";
import { startApiServer } from "../support/api-server";
import { freshDatabase } from "../support/database";
import { createTestTenant } from "../support/fixtures";
import { waitUntil } from "../support/receiver";

let server: Awaited<ReturnType<typeof startApiServer>>;
let databaseUrl: string;
beforeAll(async () => {
  databaseUrl = await freshDatabase();
  server = await startApiServer();
});
afterAll(() => server.close());

const status = async (key: string) =>
  (await fetch(`${server.url}/api/v1/app`, { headers: { authorization: `Bearer ${key}` } })).status;

describe("API keys kept in memory", () => {
  it("a key revoked by another process is refused at once (NOTIFY), though it was cached", async () => {
    const tenant = await createTestTenant("cache");
    // Used twice: the second answer comes from the cache.
    await waitUntil(
      async () => (await status(tenant.apiKey)) === 200 && (await status(tenant.apiKey)) === 200,
    );
    // Another Hookline process revokes it: its own cache is not ours, only the notification reaches us.
    const other = new pg.Client({ connectionString: databaseUrl });
    await other.connect();
    await other.query(`UPDATE "ApiKey" SET "revokedAt" = now() WHERE hash = $1`, [hashApiKey(tenant.apiKey)]);
    await other.query("SELECT pg_notify($1, $2)", [REVOKED_CHANNEL, hashApiKey(tenant.apiKey)]);
    await other.end();
    await waitUntil(async () => (await status(tenant.apiKey)) === 401, 2000, 20);
  });

  it("revoking through Hookline notifies every process in the same transaction", async () => {
    const tenant = await createTestTenant("cache-revoke");
    const listener = new pg.Client({ connectionString: databaseUrl });
    await listener.connect();
    const heard: string[] = [];
    listener.on("notification", (n) => heard.push(n.payload ?? ""));
    await listener.query(`LISTEN ${REVOKED_CHANNEL}`);
    expect(await status(tenant.apiKey)).toBe(200);
    const key = await db.apiKey.findFirstOrThrow({ where: { tenantId: tenant.tenantId } });
    expect(await revokeApiKey(tenant.tenantId, key.id)).toBe(true);
    expect(await status(tenant.apiKey)).toBe(401);
    await waitUntil(async () => heard.includes(hashApiKey(tenant.apiKey)), 2000, 20);
    await listener.end();
  });
});
