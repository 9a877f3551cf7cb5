import { describe, expect, it } from "vitest";
import { BLOCKED_REASON, checkDestination, type Resolver } from "@/lib/delivery/ssrf-guard";

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
    expect(decision).toEqual({ allowed: false, kind: "ssrf_blocked", reason: BLOCKED_REASON });
  });

  // Each form through the URL parser and the guard, names through the injected resolver: at least
  // one address form of every family the issue lists. None may pass; none may name an address.
  const LOOPBACK_NAME = resolvesTo("127.0.0.1");
  it.each([
    ["decimal IPv4", "http://2130706433/", undefined],
    ["octal IPv4", "http://0177.0.0.1/", undefined],
    ["octal IPv4, one part", "http://017700000001/", undefined],
    ["hex IPv4", "http://0x7f.0.0.1/", undefined],
    ["hex IPv4, one part", "http://0x7f000001/", undefined],
    ["short IPv4", "http://127.1/", undefined],
    ["short private IPv4", "http://10.1/", undefined],
    ["0", "http://0/", undefined],
    ["0.0.0.0", "http://0.0.0.0/", undefined],
    ["[::]", "http://[::]/", undefined],
    ["[::1]", "http://[::1]:8080/", undefined],
    ["IPv4-mapped IPv6", "http://[::ffff:127.0.0.1]/", undefined],
    ["IPv4-mapped IPv6, hex", "http://[::ffff:7f00:1]/", undefined],
    ["IPv4-compatible IPv6 (::/96)", "http://[::127.0.0.1]/", undefined],
    ["IPv4-compatible IPv6, private", "http://[::10.0.0.1]/", undefined],
    ["IPv4-compatible IPv6, public (deprecated form)", "http://[::8.8.8.8]/", undefined],
    ["IPv4-translated (::ffff:0:0:0/96)", "http://[::ffff:0:7f00:1]/", undefined],
    ["NAT64", "http://[64:ff9b::7f00:1]/", undefined],
    ["NAT64 local-use", "http://[64:ff9b:1::a00:1]/", undefined],
    ["6to4", "http://[2002:7f00:1::1]/", undefined],
    ["Teredo", "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", undefined],
    ["IPv6 link-local", "http://[fe80::1]/", undefined],
    ["IPv6 site-local (deprecated)", "http://[fec0::1]/", undefined],
    ["IPv6 unique-local", "http://[fd12:3456::1]/", undefined],
    ["IPv6 multicast", "http://[ff02::1]/", undefined],
    ["IPv6 discard-only", "http://[100::1]/", undefined],
    ["IPv6 documentation", "http://[2001:db8::1]/", undefined],
    ["IPv6 outside 2000::/3", "http://[1::1]/", undefined],
    ["AWS/GCP/Azure metadata", "http://169.254.169.254/latest/meta-data", undefined],
    ["metadata over IPv6 (AWS)", "http://[fd00:ec2::254]/", undefined],
    ["metadata host name", "http://metadata.google.internal/", resolvesTo("169.254.169.254")],
    ["Alibaba metadata", "http://100.100.100.200/", undefined],
    ["CGNAT", "http://100.64.0.1/", undefined],
    ["multicast", "http://224.0.0.251/", undefined],
    ["broadcast", "http://255.255.255.255/", undefined],
    ["reserved 240/4", "http://240.0.0.1/", undefined],
    ["benchmarking", "http://198.18.0.1/", undefined],
    ["localhost", "http://localhost/", LOOPBACK_NAME],
    ["trailing dot", "http://localhost./", LOOPBACK_NAME],
    ["trailing dot, public-looking name", "http://hooks.example.com./", resolvesTo("10.0.0.1")],
    ["name resolving to mixed addresses", "http://mixed.test/", resolvesTo("93.184.216.34", "127.0.0.1")],
    ["name resolving to mixed families", "http://mixed6.test/", resolvesTo("2606:2800:220:1::1", "::1")],
    ["name resolving to a mapped address", "http://mapped.test/", resolvesTo("::ffff:10.0.0.1")],
  ])("refuses %s (%s)", async (_name, url, resolve) => {
    const never: Resolver = async () => {
      throw new Error("a literal address must not be resolved");
    };
    const decision = await checkDestination(url, { ...strict, resolve: resolve ?? never });
    expect(decision).toEqual({ allowed: false, kind: "ssrf_blocked", reason: BLOCKED_REASON });
  });

  it("refuses credentials in the URL (userinfo) before resolving anything", async () => {
    for (const url of ["http://user@127.0.0.1/", "http://user:pw@hooks.example.com/", "http://x@[::1]/"]) {
      expect(await checkDestination(url, { ...strict, resolve: resolvesTo("93.184.216.34") })).toMatchObject({
        allowed: false,
        kind: "invalid_url",
      });
    }
  });

  it("counts resolution against a timeout, and says so", async () => {
    const decision = await checkDestination("https://slow.test/", {
      ...strict,
      timeoutMs: 20,
      resolve: () => new Promise(() => {}),
    });
    expect(decision).toMatchObject({ allowed: false, kind: "dns" });
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
