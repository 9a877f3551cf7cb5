import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";

export type Resolver = (hostname: string) => Promise<string[]>;

export interface GuardOptions {
  /** CIDRs that are allowed even though they are special-purpose (e.g. 127.0.0.0/8 for local use). */
  allowCidrs: string[];
  requireHttps: boolean;
  resolve?: Resolver;
  /** How long name resolution may take (the attempt's timeout: DNS counts against it). */
  timeoutMs?: number;
  /**
   * DELIVERY_PROXY_URL: connect through this HTTP CONNECT proxy (fixed source addresses). The
   * guard still decides first; the proxy is asked for the checked address, never the name.
   */
  proxy?: string | null;
}

export type GuardDecision =
  | { allowed: true; url: URL; address: string; family: 4 | 6 }
  | { allowed: false; reason: string; kind: "invalid_url" | "ssrf_blocked" | "dns" };

/**
 * What tenants and widget users are told: not which address a name resolved to, nor which range
 * it is in, so the guard cannot be used to map the network behind Hookline.
 */
export const BLOCKED_REASON = "blocked: private or reserved address";

// Answers are kept a few seconds, as any stub resolver would: every attempt resolves its host,
// and getaddrinfo runs on libuv's four threads. The connection still goes to the address checked.
const DNS_TTL_MS = 5000;
const resolved = new Map<string, { addresses: string[]; until: number }>();

export const systemResolver: Resolver = async (hostname) => {
  const known = resolved.get(hostname);
  if (known && known.until > Date.now()) return known.addresses;
  const addresses = (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);
  if (resolved.size >= 10_000) resolved.clear();
  resolved.set(hostname, { addresses, until: Date.now() + DNS_TTL_MS });
  return addresses;
};

const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR("2000::/3");

// What an address is, for an allow-list: computed once per (list, address).
const verdicts = new Map<string, string | null>();
const allowLists = new Map<string, [ipaddr.IPv4 | ipaddr.IPv6, number][]>();

/** Null when Hookline may connect to `address`, else the special-purpose range it is in. */
function forbiddenRange(address: string, allowCidrs: string[]): string | null {
  const listKey = allowCidrs.join(",");
  const key = `${listKey}|${address}`;
  const known = verdicts.get(key);
  if (known !== undefined) return known;
  let allow = allowLists.get(listKey);
  if (!allow) {
    allow = allowCidrs.map((c) => ipaddr.parseCIDR(c));
    allowLists.set(listKey, allow);
  }
  const parsed = ipaddr.parse(address);
  let range: string = parsed.range();
  // ipaddr.js calls all of ::/3 outside its named ranges unicast, the deprecated IPv4-compatible
  // form (::127.0.0.1, ::/96) included: only 2000::/3 is global unicast IPv6.
  if (range === "unicast" && parsed.kind() === "ipv6" && !parsed.match(GLOBAL_UNICAST_V6)) range = "reserved";
  const allowed =
    range === "unicast" ||
    allow.some(([net, bits]) => net.kind() === parsed.kind() && parsed.match(net, bits));
  const verdict = allowed ? null : range;
  if (verdicts.size >= 10_000) verdicts.clear();
  verdicts.set(key, verdict);
  return verdict;
}

/**
 * Decides whether Hookline may connect to `rawUrl`: the host is resolved once and every address
 * must be ordinary public unicast (not loopback, private, link-local such as 169.254.169.254,
 * CGNAT, multicast, unspecified, IPv4-mapped or -compatible IPv6, NAT64, 6to4, Teredo,
 * unique-local, site-local, documentation, …) unless an allowed CIDR covers it. The caller
 * connects to the returned address, so DNS cannot change between the check and the connection.
 * Resolution gets `timeoutMs` at most. Refusals say why without naming an address.
 */
export async function checkDestination(rawUrl: string, options: GuardOptions): Promise<GuardDecision> {
  const refuse = (kind: "invalid_url" | "ssrf_blocked" | "dns", reason: string): GuardDecision => ({
    allowed: false,
    kind,
    reason,
  });
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return refuse("invalid_url", "The endpoint URL is not a valid URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return refuse("invalid_url", `Unsupported scheme ${url.protocol}`);
  if (options.requireHttps && url.protocol !== "https:")
    return refuse("invalid_url", "Only https:// endpoints are allowed");
  if (url.username || url.password)
    return refuse("invalid_url", "Credentials in the URL are not allowed; use custom headers");

  // The URL parser has already turned 2130706433, 0177.0.0.1, 0x7f.1 and 127.1 into 127.0.0.1.
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  if (ipaddr.isValid(host)) addresses = [host];
  else {
    try {
      addresses = await withTimeout((options.resolve ?? systemResolver)(host), options.timeoutMs);
    } catch (error) {
      return refuse(
        "dns",
        error instanceof DnsTimeout
          ? `Resolving ${host} took longer than the endpoint's timeout`
          : `Could not resolve ${host}`,
      );
    }
  }
  if (addresses.length === 0 || !addresses.every((a) => ipaddr.isValid(a)))
    return refuse("dns", `Could not resolve ${host}`);
  // Every address must pass: a name resolving to a public and a private address is refused.
  if (addresses.some((address) => forbiddenRange(address, options.allowCidrs) !== null))
    return refuse("ssrf_blocked", BLOCKED_REASON);
  const address = addresses[0]!;
  return { allowed: true, url, address, family: address.includes(":") ? 6 : 4 };
}

class DnsTimeout extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number | undefined): Promise<T> {
  if (ms === undefined) return work;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DnsTimeout()), Math.max(ms, 1));
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

/** Throws if a CIDR list from the environment is malformed. */
export function parseCidrList(text: string): string[] {
  const list = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const cidr of list) ipaddr.parseCIDR(cidr);
  return list;
}
