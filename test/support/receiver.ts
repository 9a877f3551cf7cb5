import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  /** The path and query it was sent to. */
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The exact bytes received. */
  raw: Buffer;
  at: number;
}

type Responder = (
  req: ReceivedRequest,
  index: number,
) => { status: number; body?: string; headers?: Record<string, string>; delayMs?: number } | "hang" | "reset";

/**
 * A webhook receiver on 127.0.0.1 that records every request and answers as `respond` says
 * (default: 200). `waitFor(n)` resolves once n requests arrived.
 */
export async function startReceiver(respond: Responder = () => ({ status: 200 })) {
  const requests: ReceivedRequest[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  let responder = respond;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const received = {
        url: req.url ?? "/",
        headers: req.headers,
        body: raw.toString("utf8"),
        raw,
        at: Date.now(),
      };
      const index = requests.push(received) - 1;
      for (const w of waiters.filter((w) => requests.length >= w.n)) w.resolve();
      const answer = responder(received, index);
      if (answer === "hang") return;
      if (answer === "reset") {
        req.socket.destroy();
        return;
      }
      setTimeout(
        () => res.writeHead(answer.status, answer.headers).end(answer.body ?? ""),
        answer.delayMs ?? 0,
      );
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    port,
    requests,
    setResponder(next: Responder) {
      responder = next;
    },
    waitFor(n: number, timeoutMs = 15_000): Promise<void> {
      if (requests.length >= n) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`Expected ${n} requests, got ${requests.length}`)),
          timeoutMs,
        );
        waiters.push({
          n,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function waitUntil<T>(
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 15_000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("Timed out waiting for a condition");
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
