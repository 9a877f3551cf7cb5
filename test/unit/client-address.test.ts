import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, stampClientAddress } from "@/lib/http/client-address";

const request = (remoteAddress: string, headers: Record<string, string> = {}) =>
  ({ headers: { ...headers }, socket: { remoteAddress } }) as unknown as IncomingMessage;

describe("the client address used for rate limits", () => {
  it("is the socket's peer by default, whatever the client claims", () => {
    const req = request("::ffff:192.0.2.10", {
      "x-forwarded-for": "203.0.113.9",
      [CLIENT_ADDRESS_HEADER]: "198.51.100.7",
    });
    stampClientAddress(req, false);
    expect(req.headers[CLIENT_ADDRESS_HEADER]).toBe("192.0.2.10");
  });

  it("behind a trusted proxy, is the last X-Forwarded-For entry (the one the proxy added)", () => {
    const req = request("10.0.0.2", { "x-forwarded-for": "198.51.100.7, 203.0.113.9" });
    stampClientAddress(req, true);
    expect(req.headers[CLIENT_ADDRESS_HEADER]).toBe("203.0.113.9");
    const direct = request("10.0.0.2");
    stampClientAddress(direct, true);
    expect(direct.headers[CLIENT_ADDRESS_HEADER]).toBe("10.0.0.2");
  });
});
