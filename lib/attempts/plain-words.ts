/** What happened to an attempt, in words a receiver's developer understands at once. */
export function attemptInPlainWords(a: {
  outcome: "success" | "failure";
  responseStatusCode: number;
  durationMs: number;
  errorKind: string | null;
}): string {
  const after = `after ${a.durationMs} ms`;
  if (a.outcome === "success") return `Delivered: HTTP ${a.responseStatusCode} from your server ${after}`;
  switch (a.errorKind) {
    case "http_status":
      return `HTTP ${a.responseStatusCode} from your server ${after}`;
    case "connection":
      return "Your server refused the connection (or closed it before answering)";
    case "timeout":
      return `Your server did not answer in time (${Math.round(a.durationMs / 1000)} s)`;
    case "dns":
      return "The endpoint's host name does not resolve";
    case "ssrf_blocked":
      return "Blocked: private or reserved address";
    case "redirect":
      return `Your server answered with a redirect (HTTP ${a.responseStatusCode}); redirects are not followed`;
    case "invalid_url":
      return "The endpoint's URL cannot be used";
    case "invalid_header":
      return "One of the endpoint's custom headers cannot be sent";
    case "transformation":
      return "The endpoint's transformation failed";
    case "expunged":
      return "The message's content was removed, so there is nothing to send";
    case "secret_unreadable":
      return "The endpoint's signing secret cannot be read";
    default:
      return a.responseStatusCode
        ? `HTTP ${a.responseStatusCode} from your server ${after}`
        : "The attempt failed";
  }
}
