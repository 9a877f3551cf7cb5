import { describe, expect, it } from "vitest";
import { checkDestination, type Resolver } from "@/lib/delivery/ssrf-guard";

// Every decision here comes from an injected resolver: no packet leaves this machine.
const resolvesTo =
  (...addresses: string[]): Resolver =>
  async () =>
    addresses;
const strict = { allowCidrs: [], requireHttps: false };

describe("SSRF guard", () => {
  it("allows a host that resolves to public unicast addresses only, and pins the first", async () => {
    const decision = await checkDestination("https://hooks.example.com/x", {
      ...strict,
      resolve: resolvesTo("93.184.216.34", "2606:2800:220:1::1"),
    });
    expect(decision).toMatchObject({ allowed: true, address: "93.184.216.34", family: 4 });
  });

  it.each([
    ["loopback", "127.0.0.1"],
    ["private 10/8", "10.1.2.3"],
    ["private 172.16/12", "172.20.0.5"],
    ["private 192.168/16", "192.168.1.1"],
    ["link-local / cloud metadata", "169.254.169.254"],
    ["CGNAT", "100.64.0.1"],
    ["multicast", "224.0.0.1"],
    ["unspecified", "0.0.0.0"],
    ["broadcast", "255.255.255.255"],
    ["documentation", "192.0.2.10"],
    ["IPv6 loopback", "::1"],
    ["IPv6 unique-local", "fd00::1"],
    ["IPv6 link-local", "fe80::1"],
    ["IPv4-mapped IPv6 loopback", "::ffff:127.0.0.1"],
    ["IPv4-mapped IPv6 metadata", "::ffff:169.254.169.254"],
    ["NAT64 of a private address", "64:ff9b::a00:1"],
  ])("blocks %s (%s)", async (_name, address) => {
    const decision = await checkDestination("http://victim.test/", {
      ...strict,
      resolve: resolvesTo(address),
    });
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) expect(decision.reason).toContain(address);
  });

  it("blocks literal special-purpose IPs in the URL without resolving", async () => {
    const resolve: Resolver = async () => {
      throw new Error("must not resolve");
    };
    for (const url of [
      "http://127.0.0.1:8080/",
      "http://[::1]/",
      "http://[::ffff:10.0.0.1]/",
      "http://169.254.169.254/latest/meta-data",
    ]) {
      expect((await checkDestination(url, { ...strict, resolve })).allowed).toBe(false);
    }
  });

  it("blocks a host when any one of its addresses is special-purpose (DNS rebinding with mixed answers)", async () => {
    const decision = await checkDestination("https://rebind.test/", {
      ...strict,
      resolve: resolvesTo("93.184.216.34", "10.0.0.7"),
    });
    expect(decision.allowed).toBe(false);
  });

  it("checks once and hands back the checked address, so a second, different answer is never used", async () => {
    let calls = 0;
    const flipping: Resolver = async () => (calls++ === 0 ? ["93.184.216.34"] : ["127.0.0.1"]);
    const decision = await checkDestination("https://flip.test/", { ...strict, resolve: flipping });
    expect(calls).toBe(1);
    expect(decision).toMatchObject({ allowed: true, address: "93.184.216.34" });
  });

  it("lets an operator allow specific CIDRs", async () => {
    const options = { allowCidrs: ["10.0.0.0/8", "::1/128"], requireHttps: false };
    expect(
      (await checkDestination("http://internal.test/", { ...options, resolve: resolvesTo("10.9.8.7") }))
        .allowed,
    ).toBe(true);
    expect((await checkDestination("http://[::1]:9000/", options)).allowed).toBe(true);
    expect(
      (await checkDestination("http://internal.test/", { ...options, resolve: resolvesTo("192.168.0.1") }))
        .allowed,
    ).toBe(false);
  });

  it("requires https when told to, and refuses credentials in the URL and other schemes", async () => {
    const resolve = resolvesTo("93.184.216.34");
    expect(
      await checkDestination("http://example.com/", { allowCidrs: [], requireHttps: true, resolve }),
    ).toMatchObject({ allowed: false, reason: expect.stringContaining("https") });
    expect((await checkDestination("https://user:pw@example.com/", { ...strict, resolve })).allowed).toBe(
      false,
    );
    expect((await checkDestination("ftp://example.com/", { ...strict, resolve })).allowed).toBe(false);
    expect((await checkDestination("not a url", { ...strict, resolve })).allowed).toBe(false);
  });

  it("refuses a host that does not resolve", async () => {
    const failing: Resolver = async () => {
      throw new Error("ENOTFOUND");
    };
    expect(await checkDestination("https://nowhere.test/", { ...strict, resolve: failing })).toMatchObject({
      allowed: false,
    });
  });
});
