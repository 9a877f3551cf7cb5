import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded";

async function run(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL", () => {
  it("keeps its data across a stop and a start, on a new free port", { timeout: 120_000 }, async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "hookline-embedded-")), "pg");
    const lines: string[] = [];
    const first = await startEmbeddedPostgres(dir, (l) => lines.push(l));
    expect(new URL(first.url).hostname).toBe("127.0.0.1");
    await run(first.url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
    await first.stop();
    if (os.userInfo().uid === 0) expect(lines.join("\n")).toContain("unprivileged OS user 'postgres'");

    const second = await startEmbeddedPostgres(dir, (l) => lines.push(l));
    expect(await run(second.url, "SELECT v FROM kept")).toEqual([{ v: "still here" }]);
    await second.stop();
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  });
});
