import pg from "pg";
import { db } from "@/lib/db";
import { utcSession } from "@/lib/db/utc-session";
import { logger } from "@/lib/log/logger";

// PostgreSQL LISTEN/NOTIFY between the processes of one installation (the request inspector's live
// view, the `npm run listen` relay): no other service. Each process holds one listening connection,
// opened on the first subscription and shared by all; when it breaks (PostgreSQL restarted) it is
// opened again with backoff, and subscribers hear `onReconnect`, since notifications sent meanwhile
// are lost: they re-read what they show from the tables, which stay the source of truth.

type Listener = { onMessage: (payload: string) => void; onReconnect?: () => void };

interface State {
  client: pg.Client | null;
  connecting: Promise<void> | null;
  channels: Map<string, Set<Listener>>;
  retryMs: number;
  closed: boolean;
}

// On globalThis: Next's bundle and our own modules share one connection per process.
const shared = globalThis as unknown as { hooklineNotifications?: State };
function state(): State {
  shared.hooklineNotifications ??= {
    client: null,
    connecting: null,
    channels: new Map(),
    retryMs: 250,
    closed: false,
  };
  return shared.hooklineNotifications;
}

const quote = (channel: string) => `"${channel.replace(/"/g, '""')}"`;

function connect(s: State): Promise<void> {
  s.connecting ??= (async () => {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    const client = new pg.Client({ connectionString: utcSession(url), connectionTimeoutMillis: 10_000 });
    client.on("notification", (n) => {
      for (const l of s.channels.get(n.channel) ?? []) l.onMessage(n.payload ?? "");
    });
    const broken = () => {
      if (s.client !== client) return;
      s.client = null;
      client.end().catch(() => undefined);
      if (!s.closed && s.channels.size > 0) reconnectLater(s);
    };
    client.on("error", broken);
    client.on("end", broken);
    await client.connect();
    for (const channel of s.channels.keys()) await client.query(`LISTEN ${quote(channel)}`);
    s.client = client;
    s.retryMs = 250;
  })().finally(() => {
    s.connecting = null;
  });
  return s.connecting;
}

function reconnectLater(s: State) {
  const wait = s.retryMs;
  s.retryMs = Math.min(s.retryMs * 2, 5000);
  setTimeout(() => {
    connect(s).then(
      () => {
        for (const set of s.channels.values()) for (const l of set) l.onReconnect?.();
      },
      (error: unknown) => {
        logger().warn({ reason: (error as Error).message }, "notifications: reconnecting to PostgreSQL");
        reconnectLater(s);
      },
    );
  }, wait).unref();
}

/**
 * Calls `listener.onMessage` with each notification's payload on `channel` until the returned
 * function is called. Resolves once listening (throws when PostgreSQL cannot be reached).
 */
export async function subscribe(channel: string, listener: Listener): Promise<() => Promise<void>> {
  const s = state();
  s.closed = false;
  let set = s.channels.get(channel);
  const first = !set;
  if (!set) {
    set = new Set();
    s.channels.set(channel, set);
  }
  set.add(listener);
  try {
    if (!s.client) await connect(s);
    else if (first) await s.client.query(`LISTEN ${quote(channel)}`);
  } catch (error) {
    set.delete(listener);
    if (set.size === 0) s.channels.delete(channel);
    throw error;
  }
  return async () => {
    set.delete(listener);
    if (set.size > 0 || s.channels.get(channel) !== set) return;
    s.channels.delete(channel);
    await s.client?.query(`UNLISTEN ${quote(channel)}`).catch(() => undefined);
  };
}

/** Sends `payload` (under 8,000 bytes) to every process listening on `channel`. */
export async function notify(channel: string, payload: string): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${channel}, ${payload})`;
}

/** Closes this process's listening connection (tests, shutdown). */
export async function closeNotifications(): Promise<void> {
  const s = state();
  s.closed = true;
  s.channels.clear();
  const client = s.client;
  s.client = null;
  await client?.end().catch(() => undefined);
}
