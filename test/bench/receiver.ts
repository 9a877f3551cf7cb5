import http from "node:http";
import type { AddressInfo } from "node:net";
import { verify } from "@/lib/signing/standard-webhooks";

/**
 * The benchmark's webhook receiver on 127.0.0.1: verifies every signature, answers after
 * `delayMs`, and records the first arrival of each (message, endpoint) plus duplicates.
 */
export async function startBenchReceiver(secrets: Map<string, string>, delayMs: number) {
  const firstArrival = new Map<string, number>();
  let duplicates = 0;
  let badSignatures = 0;
  let total = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      total += 1;
      const body = Buffer.concat(chunks).toString("utf8");
      const endpoint = req.url ?? "";
      const id = String(req.headers["webhook-id"] ?? "");
      const secret = secrets.get(endpoint);
      const ok =
        secret !== undefined &&
        verify(
          secret,
          {
            id,
            timestamp: String(req.headers["webhook-timestamp"]),
            signature: String(req.headers["webhook-signature"]),
          },
          body,
        );
      if (!ok) badSignatures += 1;
      const key = `${id} ${endpoint}`;
      if (firstArrival.has(key)) duplicates += 1;
      else firstArrival.set(key, performance.now());
      const answer = () => res.writeHead(ok ? 200 : 401).end();
      if (delayMs > 0) setTimeout(answer, delayMs);
      else answer();
    });
  });
  server.keepAliveTimeout = 30_000;
  server.maxRequestsPerSocket = 0;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    firstArrival,
    stats: () => ({ total, duplicates, badSignatures, unique: firstArrival.size }),
    reset() {
      firstArrival.clear();
      duplicates = 0;
      badSignatures = 0;
      total = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
