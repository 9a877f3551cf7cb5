import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { installJobQueue } from "@/lib/jobs/graphile/install-job-queue";

// One throwaway PostgreSQL for the whole run (or the server in TEST_DATABASE_URL). A template
// database gets the migrations once; each test file then clones it (CREATE DATABASE … TEMPLATE).
export default async function setup(project: TestProject) {
  let baseUrl = process.env.TEST_DATABASE_URL;
  let stop = async () => {};
  let dataDir: string | undefined;
  if (!baseUrl) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hookline-test-pg-"));
    const server = await startEmbeddedPostgres(path.join(dataDir, "data"), () => {});
    baseUrl = server.url;
    stop = server.stop;
  }
  const templateUrl = withDatabase(baseUrl, "hookline_template");
  const admin = new pg.Client({ connectionString: withDatabase(baseUrl, "postgres") });
  await admin.connect();
  await admin.query("DROP DATABASE IF EXISTS hookline_template");
  await admin.query("CREATE DATABASE hookline_template");
  await admin.end();
  await migrate(templateUrl);
  await installJobQueue(templateUrl);

  project.provide("databaseServerUrl", baseUrl);
  return async () => {
    await stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseServerUrl: string;
  }
}
