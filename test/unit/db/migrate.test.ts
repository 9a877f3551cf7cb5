import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { emptyDatabase } from "../../support/database";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function migrationsDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hookline-migrations-"));
  made.push(dir);
  for (const [name, sql] of Object.entries(files)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("migration runner", () => {
  it("applies migrations in order once and records them like Prisma does", async () => {
    const url = await emptyDatabase();
    const dir = migrationsDir({
      "20260101000000_a": "CREATE TABLE a (id int);",
      "20260102000000_b": "ALTER TABLE a ADD COLUMN b text;",
    });
    expect(await migrate(url, dir)).toEqual({
      applied: ["20260101000000_a", "20260102000000_b"],
      alreadyApplied: 0,
    });
    expect(await migrate(url, dir)).toEqual({ applied: [], alreadyApplied: 2 });
    const rows = await query<{ migration_name: string; checksum: string; applied_steps_count: number }>(
      url,
      `SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(["20260101000000_a", "20260102000000_b"]);
    expect(rows[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.applied_steps_count).toBe(1);
  });

  it("refuses to run when an applied migration's file has changed", async () => {
    const url = await emptyDatabase();
    const dir = migrationsDir({ "20260101000000_a": "CREATE TABLE a (id int);" });
    await migrate(url, dir);
    fs.writeFileSync(path.join(dir, "20260101000000_a", "migration.sql"), "CREATE TABLE a (id bigint);");
    await expect(migrate(url, dir)).rejects.toThrow(/changed after it was applied/);
  });

  it("rolls back a failing migration and refuses to continue past it", async () => {
    const url = await emptyDatabase();
    const dir = migrationsDir({
      "20260101000000_ok": "CREATE TABLE ok (id int);",
      "20260102000000_bad": "CREATE TABLE half (id int); SELECT * FROM missing_table;",
    });
    await expect(migrate(url, dir)).rejects.toThrow(/20260102000000_bad failed/);
    const tables = await query<{ tablename: string }>(
      url,
      "SELECT tablename FROM pg_tables WHERE schemaname='public'",
    );
    expect(tables.map((t) => t.tablename)).not.toContain("half");
    await expect(migrate(url, dir)).rejects.toThrow(/left unfinished/);
  });

  it("lets two processes start together without racing", async () => {
    const url = await emptyDatabase();
    const dir = migrationsDir({
      "20260101000000_a": "CREATE TABLE a (id int); SELECT pg_sleep(0.3);",
      "20260102000000_b": "CREATE TABLE b (id int);",
    });
    const [one, two] = await Promise.all([migrate(url, dir), migrate(url, dir)]);
    expect([...one.applied, ...two.applied].sort()).toEqual(["20260101000000_a", "20260102000000_b"]);
    const rows = await query<{ n: string }>(url, `SELECT count(*) AS n FROM "_prisma_migrations"`);
    expect(Number(rows[0]!.n)).toBe(2);
  });
});
