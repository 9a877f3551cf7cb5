import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeNotifications, subscribe } from "@/lib/db/notifications";
import { type PgServer, startPgServer } from "../support/pg-server";
import { waitUntil } from "../support/receiver";

// The LISTEN connection that live views and relays rely on (lib/db/notifications.ts), through a
// PostgreSQL restart: it comes back by itself, tells its subscribers so they re-read, and hears
// notifications again.
let server: PgServer;

beforeAll(async () => {
  server = await startPgServer();
  process.env.DATABASE_URL = server.url;
}, 120_000);
afterAll(async () => {
  await closeNotifications();
  await server?.stop().catch(() => undefined);
  await server?.destroy();
});

async function send(channel: string, payload: string) {
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await client.query("SELECT pg_notify($1, $2)", [channel, payload]);
  await client.end();
}

describe("LISTEN/NOTIFY across a PostgreSQL restart", () => {
  it("reconnects, says so, and hears notifications again", { timeout: 120_000 }, async () => {
    const heard: string[] = [];
    let reconnects = 0;
    const unsubscribe = await subscribe("hookline_test", {
      onMessage: (payload) => heard.push(payload),
      onReconnect: () => {
        reconnects += 1;
      },
    });
    await send("hookline_test", "before");
    await waitUntil(async () => heard.includes("before"));

    await server.stop("fast");
    await new Promise((r) => setTimeout(r, 1000));
    await server.start();
    await waitUntil(async () => reconnects >= 1, 30_000);
    await send("hookline_test", "after");
    await waitUntil(async () => heard.includes("after"));

    // Another channel on the same connection, and unsubscribing stops delivery.
    const other: string[] = [];
    const stopOther = await subscribe("hookline_other", { onMessage: (p) => other.push(p) });
    await send("hookline_other", "x");
    await waitUntil(async () => other.includes("x"));
    await unsubscribe();
    await stopOther();
    await send("hookline_test", "ignored");
    await new Promise((r) => setTimeout(r, 300));
    expect(heard).toEqual(["before", "after"]);
  });
});
