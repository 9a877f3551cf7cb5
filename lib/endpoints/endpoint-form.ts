import { presentHeaders } from "@/lib/endpoints/endpoint-headers";
import { openHeaders } from "@/lib/endpoints/header-box";
import { endpointIn, headersMap } from "@/lib/schemas/endpoint";

/** What the endpoint form shows for a saved endpoint (sensitive header values stay hidden). */
export function endpointFormValues(endpoint: {
  url: string;
  description: string;
  eventTypes: string[];
  channels: string[];
  headers: unknown;
  timeoutMs: number;
  throttleRate: number | null;
}): Record<string, string> {
  const { headers, sensitive } = presentHeaders(openHeaders(endpoint.headers));
  const lines = [
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    ...sensitive.map((name) => `${name}: ${HIDDEN}`),
  ];
  return {
    url: endpoint.url,
    description: endpoint.description,
    eventTypes: endpoint.eventTypes.join(","),
    channels: endpoint.channels.join(", "),
    headers: lines.join("\n"),
    timeout: String(endpoint.timeoutMs / 1000),
    throttleRate: endpoint.throttleRate === null ? "" : String(endpoint.throttleRate),
  };
}

/** Shown instead of a sensitive header's value; submitting it unchanged keeps the stored value. */
export const HIDDEN = "••••••••";

export type EndpointFormResult =
  | { ok: true; values: Record<string, string>; input: ReturnType<typeof endpointIn.parse> }
  | { ok: false; values: Record<string, string>; fieldErrors: Record<string, string> };

/**
 * Reads the portal's and the widget's endpoint form: one header per line ("Name: value"),
 * channels separated by commas or spaces, timeout in seconds, an empty rate limit = unlimited.
 * Validation is the API's own schema, so the form accepts exactly what the API accepts.
 */
export function parseEndpointForm(
  form: FormData,
  current: Record<string, string> = {},
  currentUrl?: string,
): EndpointFormResult {
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const eventTypes = form.getAll("eventTypes").map(String).filter(Boolean);
  const values = {
    url: text("url"),
    description: text("description"),
    eventTypes: eventTypes.join(","),
    channels: text("channels"),
    headers: String(form.get("headers") ?? ""),
    timeout: text("timeout"),
    throttleRate: text("throttleRate"),
  };
  const fieldErrors: Record<string, string> = {};
  const headers: Record<string, string> = {};
  for (const [n, line] of values.headers.split(/\r?\n/).entries()) {
    if (!line.trim()) continue;
    const colon = line.indexOf(":");
    if (colon < 1) {
      fieldErrors.headers = `Line ${n + 1}: write "Name: value"`;
      continue;
    }
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    const kept = Object.entries(current).find(([k]) => k.toLowerCase() === name.toLowerCase());
    if (value === HIDDEN && kept && currentUrl !== undefined && text("url") !== currentUrl) {
      // A hidden value (often the receiver's credential) never follows the endpoint to a new URL
      // by itself: whoever changes the URL must know and type it again.
      fieldErrors.headers = `Type the value of ${name} again: the URL changed, and a hidden value does not go to a new URL unless re-entered`;
      continue;
    }
    headers[name] = value === HIDDEN && kept ? kept[1] : value;
  }
  const checkedHeaders = headersMap.safeParse(headers);
  if (!checkedHeaders.success && !fieldErrors.headers) {
    const issue = checkedHeaders.error.issues[0]!;
    // A bad header name is an "invalid key" issue whose own issues say what is wrong with it.
    const message = (issue as { issues?: { message: string }[] }).issues?.[0]?.message ?? issue.message;
    const name = issue.path.length ? String(issue.path[0]) : "";
    fieldErrors.headers = name && !message.includes(`'${name}'`) ? `${name}: ${message}` : message;
  }
  const number = (v: string) => (v === "" ? undefined : Number(v));
  const parsed = endpointIn.safeParse({
    url: values.url,
    description: values.description,
    eventTypes,
    channels: values.channels.split(/[\s,]+/).filter(Boolean),
    headers,
    timeout: number(values.timeout),
    throttleRate: number(values.throttleRate) ?? null,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "form");
      fieldErrors[field] ??= issue.message;
    }
  }
  if (!parsed.success || Object.keys(fieldErrors).length) return { ok: false, values, fieldErrors };
  return { ok: true, values, input: parsed.data };
}
