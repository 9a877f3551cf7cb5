import { execFile } from "node:child_process";
import path from "node:path";
import { Svix } from "svix";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { acceptInvitation } from "@/lib/team/accept-invitation";
import { startApiServer } from "../support/api-server";
import { freshDatabase } from "../support/database";

// `npm run admin` as an operator runs it: a process of its own against this file's database.
const root = path.resolve(import.meta.dirname, "../..");
let databaseUrl: string;
let api: Awaited<ReturnType<typeof startApiServer>>;

beforeAll(async () => {
  databaseUrl = await freshDatabase();
  api = await startApiServer();
}, 60_000);
afterAll(async () => {
  await api?.close();
  await db.$disconnect();
});

function admin(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "lib/cli/admin.ts", ...args],
      { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
const bearer = (text: string) => /Authorization: Bearer (\S+)/.exec(text)?.[1];

describe("npm run admin", () => {
  it("creates a tenant whose printed key works through the svix SDK, and an owner invitation", async () => {
    expect((await admin("list-tenants")).stdout).toContain("No tenants yet");
    const created = await admin("create-tenant", "Acme Corp", "--owner-email", "Owner@Acme.test");
    expect(created).toMatchObject({ code: 0, stderr: "" });
    const key = bearer(created.stdout)!;
    expect(key).toMatch(/^hk_live_/);
    const app = await new Svix(key, { serverUrl: api.url }).application.create({ name: "First customer" });
    expect(app.name).toBe("First customer");

    const token = /\/invite\/(\S+)/.exec(created.stdout)![1]!;
    const { tenantId, email } = await acceptInvitation(token, {
      newUser: { password: "a long enough password" },
    });
    expect(email).toBe("owner@acme.test");
    expect(await db.membership.findFirstOrThrow({ where: { tenantId } })).toMatchObject({ role: "owner" });
  }, 60_000);

  it("creates more keys for a tenant named or by id, and lists tenants with what they hold", async () => {
    const byName = await admin("create-api-key", "--tenant", "Acme Corp", "--name", "Billing service");
    expect(byName.code).toBe(0);
    expect(byName.stdout).toContain('"Billing service"');
    await expect(
      new Svix(bearer(byName.stdout)!, { serverUrl: api.url }).application.list(),
    ).resolves.toMatchObject({
      data: [{ name: "First customer" }],
    });
    const tenant = await db.tenant.findFirstOrThrow({ where: { name: "Acme Corp" } });
    expect((await admin("create-api-key", "--tenant", tenant.id)).code).toBe(0);
    const list = await admin("list-tenants");
    expect(list.stdout).toContain(`${tenant.id}\tAcme Corp\t1\t3\t1\t`);
  }, 60_000);

  it("says what is wrong, with exit 1 for a refused request and 2 for a wrong command line", async () => {
    expect(await admin("create-api-key", "--tenant", "Nobody")).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('No tenant has the id or name "Nobody"'),
    });
    await admin("create-tenant", "Twin");
    await admin("create-tenant", "Twin");
    expect(await admin("create-api-key", "--tenant", "Twin")).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Several tenants are named "Twin"'),
    });
    expect(await admin("create-tenant", "Bad", "--owner-email", "not-an-email")).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("Not an email address"),
    });
    expect(await admin("create-tenant")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("needs a name"),
    });
    expect(await admin("frobnicate")).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("Unknown command"),
    });
    expect(await admin("list-tenants", "--bogus")).toMatchObject({ code: 2 });
    // Refused requests left nothing behind.
    expect(await db.tenant.count({ where: { name: "Bad" } })).toBe(0);
  }, 90_000);
});
