import { describe, expect, it } from "vitest";
import { checkEndpointUrl } from "@/lib/endpoints/check-endpoint-url";
import { startReceiver } from "../support/receiver";

// The check on create uses the delivery guard itself; names are resolved by an injected resolver,
// and the only connections made are to loopback (allowed here, as in local use).
const loopback = { allowCidrs: ["127.0.0.0/8"], requireHttps: false };

describe("checking an endpoint's URL on create", () => {
  it("says a server that listens accepts connections", async () => {
    const receiver = await startReceiver();
    expect(await checkEndpointUrl(receiver.url, loopback)).toMatchObject({ ok: true });
    expect(receiver.requests).toHaveLength(0);
    await receiver.close();
  });

  it("says when the server refuses the connection", async () => {
    const closed = await startReceiver();
    await closed.close();
    expect(await checkEndpointUrl(closed.url, loopback)).toEqual({
      ok: false,
      kind: "refused",
      message: "Your server refused the connection: is it running and listening on this port?",
    });
  });

  it("says blocked for a private address, without a packet, and names a host that does not resolve", async () => {
    const privateName = await checkEndpointUrl("https://intranet.example.com/hook", {
      allowCidrs: [],
      requireHttps: true,
      resolve: async () => ["10.1.2.3"],
    });
    expect(privateName).toMatchObject({
      ok: false,
      kind: "ssrf_blocked",
      message: expect.stringMatching(/^Blocked: /),
    });
    expect(privateName.message).not.toContain("10.1.2.3");
    const missing = await checkEndpointUrl("https://nowhere.example.com/hook", {
      allowCidrs: [],
      requireHttps: true,
      resolve: async () => {
        throw new Error("ENOTFOUND");
      },
    });
    expect(missing).toEqual({
      ok: false,
      kind: "dns",
      message: "The host name nowhere.example.com does not resolve.",
    });
    expect(
      await checkEndpointUrl("http://plain.example.com/", { allowCidrs: [], requireHttps: true }),
    ).toMatchObject({
      ok: false,
      kind: "invalid_url",
    });
  });
});
