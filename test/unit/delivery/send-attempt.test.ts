import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendAttempt } from "@/lib/delivery/send-attempt";
import { startReceiver } from "../../support/receiver";

let sink: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  sink = await startReceiver();
});
afterAll(() => sink.close());

const request = (url: string) => ({
  url,
  headers: { "content-type": "application/json" },
  body: "{}",
  timeoutMs: 2000,
});

describe("sending an attempt through the guard", () => {
  it("never connects to a loopback sink when loopback is not allowed, and says why (not retried)", async () => {
    const result = await sendAttempt(request(sink.url), { allowCidrs: [], requireHttps: false });
    expect(result).toMatchObject({
      outcome: "failure",
      errorKind: "ssrf_blocked",
      permanent: true,
      status: 0,
    });
    expect(result.errorMessage).toBe("blocked: private or reserved address");
    expect(sink.requests).toHaveLength(0);
  });

  it("opens no connection for any spelling of a loopback address, nor for a name that resolves to one", async () => {
    // A bare TCP sink counts connections: a refused attempt must not even open one.
    let connections = 0;
    const tcp = net.createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => tcp.listen(0, "127.0.0.1", resolve));
    const { port } = tcp.address() as AddressInfo;
    const guard = { allowCidrs: [], requireHttps: false, resolve: async () => ["127.0.0.1"] };
    for (const host of [
      "127.0.0.1",
      "2130706433",
      "0177.0.0.1",
      "0x7f.0.0.1",
      "0x7f000001",
      "127.1",
      "[::ffff:127.0.0.1]",
      "[::127.0.0.1]",
      "[::1]",
      "localhost",
      "loopback.test.",
    ]) {
      const result = await sendAttempt(request(`http://${host}:${port}/`), guard);
      expect(result, host).toMatchObject({ errorKind: "ssrf_blocked", permanent: true });
    }
    expect(connections).toBe(0);
    await new Promise((resolve) => tcp.close(resolve));
  });

  it("a name that does not resolve within the endpoint's timeout is a retried failure", async () => {
    const result = await sendAttempt(
      { ...request("http://slow-dns.test/"), timeoutMs: 50 },
      { allowCidrs: [], requireHttps: false, resolve: () => new Promise(() => {}) },
    );
    expect(result).toMatchObject({ outcome: "failure", errorKind: "dns", permanent: false, status: 0 });
    expect(result.errorMessage).toContain("took longer than the endpoint's timeout");
  });

  it("connects to the address the guard checked, not to a fresh DNS answer", async () => {
    // rebind.invalid cannot resolve through real DNS; the request still reaches the sink because
    // the connection uses the address the (injected) resolver gave the guard.
    const url = sink.url.replace("127.0.0.1", "rebind.invalid");
    const result = await sendAttempt(request(url), {
      allowCidrs: ["127.0.0.0/8"],
      requireHttps: false,
      resolve: async () => ["127.0.0.1"],
    });
    expect(result.outcome).toBe("success");
    expect(sink.requests.at(-1)!.headers.host).toContain("rebind.invalid");
  });
});

describe("keep-alive connections", () => {
  const loopback = { allowCidrs: ["127.0.0.0/8"], requireHttps: false };

  /** A receiver that answers the first request on each connection and resets the connection on the next. */
  async function closingReceiver(resetEvery = false) {
    const seen: { socket: number; reused: boolean }[] = [];
    const sockets = new WeakMap<object, number>();
    let next = 0;
    const server = http.createServer((req, res) => {
      const known = sockets.get(req.socket);
      const reused = known !== undefined;
      const id = known ?? next++;
      sockets.set(req.socket, id);
      seen.push({ socket: id, reused });
      req.resume();
      // What a receiver closing an idle socket just as our request arrives looks like to us.
      if (reused || resetEvery) req.socket.destroy();
      else res.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}/hook`,
      seen,
      close: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    };
  }

  it("a reused socket the receiver closed under us is retried at once on a fresh one: a success", async () => {
    const receiver = await closingReceiver();
    expect((await sendAttempt(request(receiver.url), loopback)).outcome).toBe("success");
    const second = await sendAttempt(request(receiver.url), loopback);
    expect(second).toMatchObject({ outcome: "success", status: 200 });
    // The request went out twice: on the kept-alive socket (reset), then on a new one.
    expect(receiver.seen).toEqual([
      { socket: 0, reused: false },
      { socket: 0, reused: true },
      { socket: 1, reused: false },
    ]);
    await receiver.close();
  });

  it("a reset on a fresh connection is the receiver failing: recorded, not retried", async () => {
    const receiver = await closingReceiver(true);
    const result = await sendAttempt(request(receiver.url), loopback);
    expect(result).toMatchObject({ outcome: "failure", errorKind: "connection", permanent: false });
    expect(receiver.seen).toHaveLength(1);
    await receiver.close();
  });
});
