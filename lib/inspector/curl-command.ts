import { isHopHeader } from "@/lib/http/hop-headers";

// "Copy as curl" for a recorded request: pure, used by the inspector's page in the browser.

/** A value inside single quotes for a POSIX shell. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function curlCommand(
  request: { method: string; headers: Record<string, string>; body: string; bodyEncoding: string },
  url: string,
): string {
  const parts = [`curl -X ${request.method} ${shellQuote(url)}`];
  for (const [name, value] of Object.entries(request.headers))
    if (!isHopHeader(name) && name !== "accept-encoding" && !name.startsWith("x-forwarded-"))
      parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  if (request.body)
    parts.push(
      request.bodyEncoding === "base64"
        ? `--data-binary @<(echo ${shellQuote(request.body)} | base64 -d)`
        : `--data-binary ${shellQuote(request.body)}`,
    );
  return parts.join(" \\\n  ");
}
