import pg from "pg";
import { utcSession } from "@/lib/db/utc-session";

export const REVOKED_CHANNEL = "hookline_api_key_revoked";
const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

export interface CachedKey {
  tenantId: string;
  apiKeyId: string;
  lastUsedAt: Date | null;
}

interface KeyCache {
  entries: Map<string, CachedKey & { until: number }>;
  /** Revocations reach us only while this is true; otherwise the cache is not used. */
  listening: boolean;
  connecting: boolean;
}

// Shared on globalThis: Next's bundle and lib/cli's hot routes run in the same process.
const shared = globalThis as unknown as { hooklineKeyCache?: KeyCache };

function cache(): KeyCache {
  if (!shared.hooklineKeyCache) {
    shared.hooklineKeyCache = { entries: new Map(), listening: false, connecting: false };
    listen(shared.hooklineKeyCache);
  }
  return shared.hooklineKeyCache;
}

/**
 * Live API keys seen in the last few seconds, by hash, so the hottest calls do not look their key
 * up every time. A revocation is published on REVOKED_CHANNEL (LISTEN/NOTIFY) and every process
 * drops the key at once; while a process is not listening (its connection dropped), it does not
 * use its cache at all, so a revoked key is never accepted from memory.
 */
export const apiKeyCache = {
  get(hash: string): CachedKey | null {
    const c = cache();
    const entry = c.entries.get(hash);
    if (!entry || !c.listening || entry.until < Date.now()) return null;
    return entry;
  },
  set(hash: string, key: CachedKey): void {
    const c = cache();
    if (!c.listening) return;
    if (c.entries.size >= MAX_ENTRIES) c.entries.clear();
    c.entries.set(hash, { ...key, until: Date.now() + TTL_MS });
  },
  forget(hash: string): void {
    shared.hooklineKeyCache?.entries.delete(hash);
  },
};

function listen(c: KeyCache): void {
  const url = process.env.DATABASE_URL;
  if (!url || c.connecting) return;
  c.connecting = true;
  const client = new pg.Client({ connectionString: utcSession(url) });
  const lost = () => {
    c.listening = false;
    c.entries.clear();
    client.end().catch(() => undefined);
    if (c.connecting) return;
    // Try again in a while; meanwhile every lookup goes to the database.
    setTimeout(() => listen(c), 2000).unref();
  };
  client.on("error", lost);
  client.on("end", lost);
  client.on("notification", (n) => {
    if (n.payload) c.entries.delete(n.payload);
  });
  client
    .connect()
    .then(() => client.query(`LISTEN ${REVOKED_CHANNEL}`))
    .then(() => {
      c.connecting = false;
      c.listening = true;
      // The connection must not keep a finished process alive.
      (
        client as unknown as { connection?: { stream?: { unref?: () => void } } }
      ).connection?.stream?.unref?.();
    })
    .catch(() => {
      c.connecting = false;
      lost();
    });
}
