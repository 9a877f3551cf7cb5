import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import { db } from "@/lib/db";
import { closeNotifications } from "@/lib/db/notifications";
import { newId } from "@/lib/ids";
import { attachListener, closeRelayConnections } from "@/lib/relay/relay-hub";
import { startDeliveryStack } from "../support/delivery-stack";
import { waitUntil } from "../support/receiver";

// A relay's requests are announced with NOTIFY (lib/relay/relay-hub.ts). When the process's LISTEN
// connection breaks (PostgreSQL restarted, the backend killed), announcements made before it is
// back are lost: once it reconnects, the hub sends the CLI what is still waiting.
let stack: Awaited<ReturnType<typeof startDeliveryStack>>;
let wss: WebSocketServer;

beforeAll(async () => {
  stack = await startDeliveryStack({}, { inProcessWorker: false });
  wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise((resolve) => wss.once("listening", resolve));
}, 60_000);
afterAll(async () => {
  closeRelayConnections();
  await new Promise((resolve) => wss?.close(resolve));
  await closeNotifications();
  await stack?.close();
});

describe("relay announcements lost while the LISTEN connection is down", () => {
  it("are sent to the connected CLI once the connection is back", { timeout: 60_000 }, async () => {
    const app = await stack.svix.application.create({ name: "Relayed" });
    const relay = await db.relay.create({
      data: {
        id: newId("rly"),
        tenantId: stack.tenant.tenantId,
        applicationId: app.id,
        token: randomBytes(16).toString("base64url"),
      },
    });
    wss.once("connection", (socket) => void attachListener(relay.id, socket));
    const cli = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
    const received: { type: string; id?: string; method?: string }[] = [];
    cli.on("message", (data) => received.push(JSON.parse(String(data))));
    await waitUntil(async () => received.some((m) => m.type === "ready"));

    // A request recorded while the announcement could not be heard: no NOTIFY reaches the hub.
    const exchangeId = newId("rlx");
    await db.relayExchange.create({
      data: {
        id: exchangeId,
        relayId: relay.id,
        request: { method: "POST", path: "/", query: "", headers: {}, body: "" },
      },
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(received.some((m) => m.id === exchangeId)).toBe(false);

    // The LISTEN connection breaks and comes back by itself.
    const killed = await db.$queryRaw<{ pid: number }[]>`
      SELECT pg_terminate_backend(pid), pid FROM pg_stat_activity
       WHERE query ILIKE 'LISTEN %' AND pid <> pg_backend_pid()`;
    expect(killed.length).toBeGreaterThan(0);
    await waitUntil(async () => received.some((m) => m.id === exchangeId), 20_000);
    expect(received.find((m) => m.id === exchangeId)).toMatchObject({ type: "request", method: "POST" });
    const row = await db.relayExchange.findUniqueOrThrow({ where: { id: exchangeId } });
    expect(row.claimedAt).not.toBeNull();
    cli.close();
  });
});
