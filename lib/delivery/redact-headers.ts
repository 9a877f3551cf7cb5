// Custom headers whose values must not be shown in attempt logs (the same rule as the headers API).
export const SENSITIVE_HEADER = /authorization|token|secret|password|api[-_]?key|cookie/i;

/** Request headers as logged on an attempt: secret-looking values replaced by "[redacted]". */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      SENSITIVE_HEADER.test(name) ? "[redacted]" : value,
    ]),
  );
}
