import { ApiError, toErrorResponse } from "@/lib/api/errors";
import { readBodyBytes } from "@/lib/api/read-body";
import { db } from "@/lib/db";
import { notify, subscribe } from "@/lib/db/notifications";
import { isHopHeader } from "@/lib/http/hop-headers";
import { newId } from "@/lib/ids";
import { RELAY_CHANNEL, REPLY_CHANNEL } from "@/lib/relay/relay-hub";
import { LISTENER_FRESH_MS } from "@/lib/relay/relays";

const BODY_LIMIT = 5 * 1024 * 1024;
/** How long a request waits for the CLI's answer (deliveries give up sooner: their timeout). */
const ANSWER_MS = 30_000;

const stored = (headers: Headers) => Object.fromEntries([...headers].filter(([name]) => !isHopHeader(name)));

/**
 * A request to `/relay/<token>[/path]`: recorded, announced to the process holding the CLI's
 * connection, and answered with what the CLI's local receiver answered. No CLI connected: 502 at
 * once; no answer in time: 504. Either way the delivery's attempt fails and retries as usual.
 */
export async function receiveRelayRequest(
  req: Request,
  token: string,
  rest: string[] = [],
): Promise<Response> {
  let exchangeId: string | null = null;
  try {
    const relay = await db.relay.findUnique({ where: { token }, select: { id: true, listenerSeenAt: true } });
    if (!relay) throw new ApiError(404, "not_found", "No relay at this URL");
    const fresh = relay.listenerSeenAt && Date.now() - relay.listenerSeenAt.getTime() < LISTENER_FRESH_MS;
    if (!fresh)
      throw new ApiError(502, "no_listener", "Nobody is listening on this relay: start `npm run listen`");
    const body = await readBodyBytes(req, BODY_LIMIT);
    const url = new URL(req.url);
    const id = newId("rlx");
    exchangeId = id;
    // Listening for the answer before announcing the request, so it cannot be missed.
    let wake: (() => void) | null = null;
    let woken = false;
    const rouse = () => {
      woken = true;
      wake?.();
    };
    const unsubscribe = await subscribe(REPLY_CHANNEL, {
      onMessage: (payload) => {
        if (payload === id) rouse();
      },
      onReconnect: rouse, // re-read: the answer may have come meanwhile
    });
    try {
      await db.relayExchange.create({
        data: {
          id,
          relayId: relay.id,
          request: {
            method: req.method,
            path: `/${rest.map(encodeURIComponent).join("/")}`,
            query: url.search.replace(/^\?/, ""),
            headers: stored(req.headers),
            body: body.toString("base64"),
          },
        },
        select: { id: true },
      });
      await notify(RELAY_CHANNEL, `${relay.id}:${id}`);
      const deadline = Date.now() + ANSWER_MS;
      for (;;) {
        const left = deadline - Date.now();
        if (left <= 0) throw new ApiError(504, "listener_timeout", "The listener did not answer in time");
        // Until the answer is announced, or 2 s (a re-read, in case an announcement was lost).
        if (!woken)
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, Math.min(left, 2000));
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
        woken = false;
        wake = null;
        const row = await db.relayExchange.findUnique({ where: { id }, select: { response: true } });
        if (row?.response) {
          const response = row.response as { status: number; headers: Record<string, string>; body: string };
          const headers = Object.fromEntries(
            Object.entries(response.headers).filter(([name]) => !isHopHeader(name)),
          );
          const noBody = req.method === "HEAD" || [204, 205, 304].includes(response.status);
          return new Response(noBody ? null : Buffer.from(response.body, "base64"), {
            status: response.status,
            headers,
          });
        }
      }
    } finally {
      await unsubscribe();
    }
  } catch (error) {
    return toErrorResponse(error);
  } finally {
    if (exchangeId) await db.relayExchange.deleteMany({ where: { id: exchangeId } }).catch(() => undefined);
  }
}
