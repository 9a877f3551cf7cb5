import http from "node:http";

export interface DrainingServer {
  server: http.Server;
  /**
   * Stops accepting connections, answers requests that still arrive on open connections with 503,
   * waits up to `graceMs` for in-flight requests to finish, then closes every connection.
   */
  drain(graceMs: number): Promise<{ unfinished: number }>;
}

/** An HTTP server that can be shut down without cutting off the requests it is serving. */
export function drainingServer(handle: http.RequestListener): DrainingServer {
  let inFlight = 0;
  let draining = false;
  let drained: (() => void) | null = null;
  const server = http.createServer((req, res) => {
    if (draining) {
      res.writeHead(503, { "content-type": "application/json", connection: "close", "retry-after": "1" });
      res.end(JSON.stringify({ code: "shutting_down", detail: "The server is shutting down; retry" }));
      return;
    }
    inFlight += 1;
    res.once("close", () => {
      inFlight -= 1;
      if (inFlight === 0) drained?.();
    });
    handle(req, res);
  });
  return {
    server,
    async drain(graceMs) {
      draining = true;
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeIdleConnections();
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, graceMs);
          drained = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      const unfinished = inFlight;
      server.closeAllConnections();
      await closed;
      return { unfinished };
    },
  };
}
