// Headers that belong to one HTTP hop (the connection, the framing, the target host), not to the
// request or response: dropped whenever a recorded or relayed message is sent on again. Pure, so
// the browser (copy as curl) can use it too.
const HOP_HEADERS = new Set([
  "host",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "upgrade",
  "expect",
]);

export function isHopHeader(name: string): boolean {
  return HOP_HEADERS.has(name.toLowerCase());
}
