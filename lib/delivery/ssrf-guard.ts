import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";

export type Resolver = (hostname: string) => Promise<string[]>;

export interface GuardOptions {
  /** CIDRs that are allowed even though they are special-purpose (e.g. 127.0.0.0/8 for local use). */
  allowCidrs: string[];
  requireHttps: boolean;
  resolve?: Resolver;
}

export type GuardDecision =
  | { allowed: true; url: URL; address: string; family: 4 | 6 }
  | { allowed: false; reason: string };

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
  const range = parsed.range();
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
 * CGNAT, multicast, unspecified, IPv4-mapped IPv6, unique-local, documentation, …) unless an
 * allowed CIDR covers it. The caller connects to the returned address, so DNS cannot change
 * between the check and the connection.
 */
export async function checkDestination(rawUrl: string, options: GuardOptions): Promise<GuardDecision> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { allowed: false, reason: "The endpoint URL is not a valid URL" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return { allowed: false, reason: `Unsupported scheme ${url.protocol}` };
  if (options.requireHttps && url.protocol !== "https:")
    return { allowed: false, reason: "Only https:// endpoints are allowed" };
  if (url.username || url.password)
    return { allowed: false, reason: "Credentials in the URL are not allowed; use custom headers" };

  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  if (ipaddr.isValid(host)) addresses = [host];
  else {
    try {
      addresses = await (options.resolve ?? systemResolver)(host);
    } catch {
      return { allowed: false, reason: `Could not resolve ${host}` };
    }
  }
  if (addresses.length === 0) return { allowed: false, reason: `Could not resolve ${host}` };

  for (const address of addresses) {
    if (!ipaddr.isValid(address))
      return { allowed: false, reason: `${host} resolves to ${address}, not an IP address` };
    const range = forbiddenRange(address, options.allowCidrs);
    if (range !== null) {
      return {
        allowed: false,
        reason: `${host} resolves to ${address}, a ${range} address that Hookline does not deliver to`,
      };
    }
  }
  const address = addresses[0]!;
  return { allowed: true, url, address, family: address.includes(":") ? 6 : 4 };
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
