import type { WebSocket } from "ws";
import { z } from "zod";
import { db } from "@/lib/db";
import { notify, subscribe } from "@/lib/db/notifications";
import { logger } from "@/lib/log/logger";

// The WebSocket side of relays, in each API process: the CLIs connected here, by relay. A request
// recorded by any process (lib/relay/receive-relay-request.ts) is announced on RELAY_CHANNEL; the
// process holding a connection for that relay claims it (an UPDATE, so exactly one does), sends it
// down the socket, writes the CLI's answer back to the row and announces it on REPLY_CHANNEL.

export const RELAY_CHANNEL = "hookline_relay";
export const REPLY_CHANNEL = "hookline_relay_reply";
const HEARTBEAT_MS = 5000;

/** What the CLI sends back for a request. */
export const relayResponse = z.object({
  type: z.literal("response"),
  id: z.string().max(64),
  status: z.number().int().min(100).max(599),
  headers: z.record(z.string(), z.string()).default({}),
  /** base64 */
  body: z
    .string()
    .max(2 * 1024 * 1024)
    .default(""),
});

interface Hub {
  sockets: Map<string, Set<WebSocket>>;
  unsubscribe: Promise<() => Promise<void>> | null;
  heartbeat: NodeJS.Timeout | null;
}
const shared = globalThis as unknown as { hooklineRelayHub?: Hub };
function hub(): Hub {
  shared.hooklineRelayHub ??= { sockets: new Map(), unsubscribe: null, heartbeat: null };
  return shared.hooklineRelayHub;
}

async function renew(relayIds: string[]) {
  if (relayIds.length === 0) return;
  await db.relay.updateMany({ where: { id: { in: relayIds } }, data: { listenerSeenAt: new Date() } });
}

/** Sends the exchange to one of this process's sockets for the relay, if it claims it first. */
async function forward(relayId: string, exchangeId: string) {
  const sockets = [...(hub().sockets.get(relayId) ?? [])].filter((s) => s.readyState === s.OPEN);
  if (sockets.length === 0) return;
  const claimed = await db.relayExchange.updateMany({
    where: { id: exchangeId, relayId, claimedAt: null },
    data: { claimedAt: new Date() },
  });
  if (claimed.count === 0) return; // another process's listener has it
  const exchange = await db.relayExchange.findUnique({
    where: { id: exchangeId },
    select: { request: true },
  });
  if (!exchange) return;
  const socket = sockets[Math.floor(Math.random() * sockets.length)]!;
  socket.send(JSON.stringify({ type: "request", id: exchangeId, ...(exchange.request as object) }));
}

function ensureListening(h: Hub) {
  h.unsubscribe ??= subscribe(RELAY_CHANNEL, {
    onMessage: (payload) => {
      const [relayId, exchangeId] = payload.split(":");
      if (relayId && exchangeId && h.sockets.has(relayId))
        forward(relayId, exchangeId).catch((error: unknown) =>
          logger().warn({ reason: (error as Error).message, relayId }, "relay: forwarding failed"),
        );
    },
    // Announcements made while the LISTEN connection was down are lost: send what is waiting.
    onReconnect: () => {
      for (const relayId of h.sockets.keys())
        forwardWaiting(relayId).catch((error: unknown) =>
          logger().warn({ reason: (error as Error).message, relayId }, "relay: forwarding failed"),
        );
    },
  }).catch((error: unknown) => {
    h.unsubscribe = null;
    throw error;
  });
  h.heartbeat ??= setInterval(() => {
    renew([...h.sockets.keys()]).catch(() => undefined);
    for (const set of h.sockets.values()) for (const s of set) if (s.readyState === s.OPEN) s.ping();
  }, HEARTBEAT_MS);
  h.heartbeat.unref();
}

/** Serves one CLI connection for `relayId` until it closes. */
export async function attachListener(relayId: string, socket: WebSocket): Promise<void> {
  const h = hub();
  let set = h.sockets.get(relayId);
  if (!set) {
    set = new Set();
    h.sockets.set(relayId, set);
  }
  set.add(socket);
  socket.on("message", (data) => {
    let parsed: z.infer<typeof relayResponse>;
    try {
      parsed = relayResponse.parse(JSON.parse(String(data)));
    } catch {
      return; // not something we asked for
    }
    answer(relayId, parsed).catch((error: unknown) =>
      logger().warn({ reason: (error as Error).message, relayId }, "relay: could not record an answer"),
    );
  });
  socket.on("close", () => {
    set.delete(socket);
    if (set.size === 0 && h.sockets.get(relayId) === set) {
      h.sockets.delete(relayId);
      db.relay.updateMany({ where: { id: relayId }, data: { listenerSeenAt: null } }).catch(() => undefined);
    }
  });
  ensureListening(h);
  await h.unsubscribe;
  await renew([relayId]);
  socket.send(JSON.stringify({ type: "ready", relayId }));
  // Requests that came while no CLI was connected (a restart) and are still waited for.
  await forwardWaiting(relayId);
}

/** Forwards the relay's requests that nobody claimed and whose senders may still be waiting. */
async function forwardWaiting(relayId: string) {
  const waiting = await db.relayExchange.findMany({
    where: { relayId, claimedAt: null, createdAt: { gt: new Date(Date.now() - 60_000) } },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  for (const { id } of waiting) await forward(relayId, id);
}

async function answer(relayId: string, response: z.infer<typeof relayResponse>) {
  const { type: _type, id, ...rest } = response;
  const updated = await db.relayExchange.updateMany({ where: { id, relayId }, data: { response: rest } });
  if (updated.count > 0) await notify(REPLY_CHANNEL, id);
}

/** Closes every CLI connection of this process (shutdown): the CLIs reconnect elsewhere. */
export function closeRelayConnections(): void {
  for (const set of hub().sockets.values()) for (const s of set) s.close(1012, "server restarting");
}
