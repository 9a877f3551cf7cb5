// Custom headers whose values must not be shown in attempt logs (the same rule as the headers API).
export const SENSITIVE_HEADER = /authorization|token|secret|password|api[-_]?key|cookie/i;

// Headers Hookline itself sets, which carry nothing secret (the signature proves, it does not grant).
const OUR_HEADERS = new Set([
  "content-type",
  "user-agent",
  "webhook-id",
  "webhook-timestamp",
  "webhook-signature",
]);

// A value that looks like a credential whatever its header is called: an auth scheme and its
// token, or a long run of token characters mixing letters and digits (API keys, JWTs, hex or
// base64 secrets).
const CREDENTIAL_SHAPE = /^(?:bearer|basic|token|digest|apikey|api-key)\s+\S/i;
const TOKEN_RUN = /^[A-Za-z0-9+/_\-.=~:]{20,}$/;

/** Whether a custom header's value looks like a credential, by its name or by its shape. */
export function looksSensitive(name: string, value: string): boolean {
  if (SENSITIVE_HEADER.test(name) || CREDENTIAL_SHAPE.test(value)) return true;
  return TOKEN_RUN.test(value) && /[A-Za-z]/.test(value) && /\d/.test(value);
}

/** Request headers as logged on an attempt: values that look secret replaced by "[redacted]". */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      !OUR_HEADERS.has(name.toLowerCase()) && looksSensitive(name, value) ? "[redacted]" : value,
    ]),
  );
}
