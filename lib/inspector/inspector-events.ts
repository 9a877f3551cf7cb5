import { subscribe } from "@/lib/db/notifications";
import { requestsSince } from "@/lib/inspector/list-requests";
import { INSPECTOR_CHANNEL } from "@/lib/inspector/receive-request";
import { logger } from "@/lib/log/logger";

/** Also re-read this often, whatever was heard: a notification lost in an outage is caught up. */
const SAFETY_POLL_MS = 5000;
const PING_MS = 15_000;

/**
 * A server-sent event stream of an inspector's requests newer than `after`: one `request` event
 * each (its id as the event id, so a reconnecting browser resumes where it was), sent when the
 * receiving process NOTIFYs, and on a slow poll besides. Ends when `signal` aborts.
 */
export function inspectorEvents(
  tenantId: string,
  inspectorId: string,
  after: string | undefined,
  signal: AbortSignal,
) {
  const encoder = new TextEncoder();
  let last = after;
  let closed = false;
  const cleanups: (() => unknown)[] = [];
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const write = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      let running: Promise<void> | null = null;
      let again = false;
      const pull = (): Promise<void> => {
        if (running) {
          again = true;
          return running;
        }
        running = (async () => {
          do {
            again = false;
            for (const r of await requestsSince(tenantId, inspectorId, last)) {
              write(`id: ${r.id}\nevent: request\ndata: ${JSON.stringify(r)}\n\n`);
              last = r.id;
            }
          } while (again && !closed);
        })()
          .catch((error: unknown) => {
            // Gone (deleted, expired) or the database away: say so; the browser retries by itself.
            write(`event: problem\ndata: ${JSON.stringify({ message: (error as Error).message })}\n\n`);
          })
          .finally(() => {
            running = null;
          });
        return running;
      };
      const close = () => {
        if (closed) return;
        closed = true;
        for (const c of cleanups) c();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      signal.addEventListener("abort", close);
      const poll = setInterval(() => void pull(), SAFETY_POLL_MS);
      const ping = setInterval(() => write(": ping\n\n"), PING_MS);
      cleanups.push(
        () => clearInterval(poll),
        () => clearInterval(ping),
      );
      write("retry: 2000\n\n");
      try {
        const unsubscribe = await subscribe(INSPECTOR_CHANNEL, {
          onMessage: (id) => {
            if (id === inspectorId) void pull();
          },
          onReconnect: () => void pull(),
        });
        if (closed) void unsubscribe();
        else cleanups.push(() => void unsubscribe());
      } catch (error) {
        logger().warn({ reason: (error as Error).message }, "inspector events: polling only");
      }
      await pull();
    },
    cancel() {
      closed = true;
      for (const c of cleanups) c();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
