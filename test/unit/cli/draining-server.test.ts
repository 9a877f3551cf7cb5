import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { drainingServer } from "@/lib/cli/draining-server";

describe("shutting the HTTP server down", () => {
  it("lets an in-flight request finish, refuses new connections, and reports what was cut off", async () => {
    let started!: () => void;
    const inFlight = new Promise<void>((resolve) => {
      started = resolve;
    });
    const { server, drain } = drainingServer((_req, res) => {
      started();
      setTimeout(() => res.end("done"), 300);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const slow = fetch(url).then(async (r) => [r.status, await r.text()]);
    await inFlight;
    const drained = drain(5000);
    expect(await slow).toEqual([200, "done"]);
    expect(await drained).toEqual({ unfinished: 0 });
    await expect(fetch(url)).rejects.toThrow();
  });

  it("closes requests still running after the grace period", async () => {
    const { server, drain } = drainingServer(() => {
      // never answers
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const hung = fetch(url).catch((error: Error) => error);
    await new Promise((r) => setTimeout(r, 100));
    expect(await drain(200)).toEqual({ unfinished: 1 });
    expect(await hung).toBeInstanceOf(Error);
  });
});
