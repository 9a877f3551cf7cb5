import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { withDatabase } from "./global-setup";

/**
 * A fresh database for this test file, cloned from the migrated template, and DATABASE_URL
 * pointing at it (lib/db connects lazily, so call this before the first query).
 */
export async function freshDatabase(): Promise<string> {
  const server = inject("databaseServerUrl");
  const name = `test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: withDatabase(server, "postgres") });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE hookline_template`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(server, name);
  process.env.DATABASE_URL = url;
  return url;
}

/** An empty database (no migrations) for tests of the migration runner itself. */
export async function emptyDatabase(): Promise<string> {
  const server = inject("databaseServerUrl");
  const name = `empty_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: withDatabase(server, "postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return withDatabase(server, name);
}
