import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { utcSession } from "@/lib/db/utc-session";
import { sweepOrphans } from "@/lib/delivery/sweep";
import { startDeliveryStack } from "../support/delivery-stack";
import { startReceiver, waitUntil } from "../support/receiver";

// The database server's default time zone is 13¾ hours from UTC here; nothing may depend on it.
const FAR_ZONE = "Pacific/Chatham";
let stack: Awaited<ReturnType<typeof startDeliveryStack>>;

beforeAll(async () => {
  stack = await startDeliveryStack({}, { inProcessWorker: false });
  const database = new URL(stack.databaseUrl).pathname.slice(1);
  await db.$executeRawUnsafe(`ALTER DATABASE "${database}" SET timezone TO '${FAR_ZONE}'`);
  // Every connection from now on starts in that zone unless Hookline says otherwise.
  await disconnectDb();
  await stack.restartWorker();
  await stack.svix.eventType.create({ name: "tick", description: "" });
});
afterAll(() => stack.close());

async function rawSession<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: stack.databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe("time zones", () => {
  it("every timestamp column is timestamptz", async () => {
    const rows = await rawSession((c) =>
      c.query(`SELECT table_name, column_name FROM information_schema.columns
                WHERE table_schema = 'public' AND data_type = 'timestamp without time zone'`),
    );
    expect(rows.rows).toEqual([]);
  });

  it("Hookline's sessions are UTC whatever the server's default, and any session reads the same instants", async () => {
    const zone = await db.$queryRaw<{ TimeZone: string }[]>`SHOW TimeZone`;
    expect(zone[0]!.TimeZone).toBe("UTC");
    expect(await rawSession(async (c) => (await c.query("SHOW TimeZone")).rows[0].TimeZone)).toBe(FAR_ZONE);
    const app = await stack.svix.application.create({ name: "Zones" });
    const before = Date.now();
    const msg = await stack.svix.message.create(app.id, { eventType: "tick", payload: {} });
    const viaPrisma = (await db.message.findUniqueOrThrow({ where: { id: msg.id } })).createdAt;
    const viaRaw = await rawSession(async (c) => {
      const r = await c.query(
        `SELECT "createdAt", extract(epoch FROM now() - "createdAt") AS age FROM "Message" WHERE id = $1`,
        [msg.id],
      );
      return r.rows[0] as { createdAt: Date; age: string };
    });
    expect(viaRaw.createdAt.getTime()).toBe(viaPrisma.getTime());
    expect(Math.abs(viaPrisma.getTime() - before)).toBeLessThan(5000);
    expect(Number(viaRaw.age)).toBeLessThan(5);
  });

  it("retries run on time and the sweep leaves fresh deliveries alone", async () => {
    const receiver = await startReceiver((_r, i) => ({ status: i === 0 ? 500 : 200 }));
    const app = await stack.svix.application.create({ name: "Zoned retries" });
    await stack.svix.endpoint.create(app.id, { url: receiver.url });
    const msg = await stack.svix.message.create(app.id, { eventType: "tick", payload: {} });
    expect(await sweepOrphans(new Date(), 500)).toBe(0);
    await receiver.waitFor(2, 10_000);
    const delivery = await waitUntil(async () => {
      const d = await db.delivery.findFirstOrThrow({ where: { messageId: msg.id } });
      return d.status === "succeeded" ? d : null;
    });
    expect(delivery.attemptCount).toBe(2);
    const gap = receiver.requests[1]!.at - receiver.requests[0]!.at;
    expect(gap).toBeGreaterThanOrEqual(190);
    expect(gap).toBeLessThan(5000);
    await receiver.close();
  });

  it("the UTC pin keeps options already in the URL", () => {
    expect(utcSession("postgres://u@h/db")).toBe("postgres://u@h/db?options=-c+TimeZone%3DUTC");
    expect(utcSession("postgres://u@h/db?options=-c%20search_path%3Dx")).toContain(
      "search_path%3Dx+-c+TimeZone%3DUTC",
    );
    expect(utcSession("postgres://u@h/db?options=-c%20TimeZone%3DUTC")).toBe(
      "postgres://u@h/db?options=-c%20TimeZone%3DUTC",
    );
  });
});
