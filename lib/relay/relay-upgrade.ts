import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { authenticate } from "@/lib/api/authenticate";
import { ApiError } from "@/lib/api/errors";
import { attachListener } from "@/lib/relay/relay-hub";
import { findRelay } from "@/lib/relay/relays";

const PATH = /^\/api\/v1\/relay\/([A-Za-z0-9_]+)\/listen\/?$/;
const wss = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024 });

function refuse(socket: Duplex, status: number, code: string, detail: string) {
  const body = JSON.stringify({ code, detail });
  socket.end(
    `HTTP/1.1 ${status} ${status === 401 ? "Unauthorized" : status === 404 ? "Not Found" : "Error"}\r\n` +
      `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}

/**
 * `GET /api/v1/relay/{relay_id}/listen` upgraded to a WebSocket (what `npm run listen` opens),
 * with the API key in Authorization, for a relay of that key's tenant. False when the path is not
 * ours (another upgrade handler may want it).
 */
export function handleRelayUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
  const match = PATH.exec((req.url ?? "").split("?")[0] ?? "");
  if (!match) return false;
  void (async () => {
    try {
      const caller = await authenticate(
        new Request("http://relay.invalid/", {
          headers: { authorization: String(req.headers.authorization ?? "") },
        }),
      );
      if (caller.onlyApplicationId)
        throw new ApiError(403, "forbidden", "An integration key cannot listen on a relay");
      const relay = await findRelay(caller.tenantId, match[1]!);
      wss.handleUpgrade(req, socket, head, (ws) => {
        attachListener(relay.id, ws).catch(() => ws.close(1011, "could not listen"));
      });
    } catch (error) {
      if (error instanceof ApiError) refuse(socket, error.status, error.code, error.detail);
      else refuse(socket, 503, "unavailable", "Cannot listen right now");
    }
  })();
  return true;
}
