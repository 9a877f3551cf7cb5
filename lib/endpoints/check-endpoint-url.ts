import net from "node:net";
import { deliveryConfig } from "@/lib/delivery/config";
import { checkDestination, type GuardOptions } from "@/lib/delivery/ssrf-guard";

export type UrlCheck =
  | { ok: true; message: string }
  | { ok: false; kind: "invalid_url" | "ssrf_blocked" | "dns" | "refused" | "timeout"; message: string };

const CONNECT_MS = 3000;

/**
 * Whether an endpoint's URL can work, said at once when it is created: the delivery guard's own
 * decision (the URL, https, the address range — nothing private is ever connected to), the name
 * resolving, and a TCP connection to the address the guard allowed (closed at once; no request
 * is sent). A test event tells the rest.
 */
export async function checkEndpointUrl(
  url: string,
  guard: GuardOptions = deliveryConfig().guard,
): Promise<UrlCheck> {
  const decision = await checkDestination(url, { ...guard, timeoutMs: CONNECT_MS });
  if (!decision.allowed)
    return {
      ok: false,
      kind: decision.kind,
      message:
        decision.kind === "ssrf_blocked"
          ? "Blocked: this URL points to a private or reserved address, which Hookline never delivers to."
          : decision.kind === "dns"
            ? `The host name ${hostOf(url)} does not resolve.`
            : `This URL cannot be used: ${decision.reason}.`,
    };
  const port = Number(decision.url.port) || (decision.url.protocol === "https:" ? 443 : 80);
  const reached = await new Promise<"ok" | "refused" | "timeout">((resolve) => {
    const socket = net.connect({ host: decision.address, port, family: decision.family });
    const done = (result: "ok" | "refused" | "timeout") => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(CONNECT_MS, () => done("timeout"));
    socket.once("connect", () => done("ok"));
    socket.once("error", () => done("refused"));
  });
  if (reached === "refused")
    return {
      ok: false,
      kind: "refused",
      message: "Your server refused the connection: is it running and listening on this port?",
    };
  if (reached === "timeout")
    return {
      ok: false,
      kind: "timeout",
      message: `Your server did not accept a connection within ${CONNECT_MS / 1000} s.`,
    };
  return { ok: true, message: "Your server accepts connections. Send a test event to see it answer." };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
