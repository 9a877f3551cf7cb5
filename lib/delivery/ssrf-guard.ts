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

export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

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

  const allow = options.allowCidrs.map((c) => ipaddr.parseCIDR(c));
  for (const address of addresses) {
    const parsed = ipaddr.parse(address);
    const range = parsed.range();
    const allowed = allow.some(([net, bits]) => net.kind() === parsed.kind() && parsed.match(net, bits));
    if (range !== "unicast" && !allowed) {
      return {
        allowed: false,
        reason: `${host} resolves to ${address}, a ${range} address that Hookline does not deliver to`,
      };
    }
  }
  const address = addresses[0]!;
  return { allowed: true, url, address, family: ipaddr.parse(address).kind() === "ipv6" ? 6 : 4 };
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
