import { db } from "@/lib/db";
import { SENSITIVE_HEADER } from "@/lib/delivery/redact-headers";
import { sealHeaders } from "@/lib/endpoints/header-box";

// Values of sensitive headers are write-only: reading the headers lists their names as `sensitive`.

export function presentHeaders(headers: Record<string, string>) {
  const visible: Record<string, string> = {};
  const sensitive: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (SENSITIVE_HEADER.test(name)) sensitive.push(name);
    else visible[name] = value;
  }
  return { headers: visible, sensitive };
}

/** Replaces (`PUT`) or merges into (`PATCH`, with deletions) the endpoint's custom headers. */
export async function saveHeaders(
  tenantId: string,
  endpointId: string,
  current: Record<string, string>,
  change: { headers: Record<string, string>; deleteHeaders?: string[] },
  replace: boolean,
): Promise<void> {
  const next: Record<string, string> = replace ? {} : { ...current };
  const lower = (s: string) => s.toLowerCase();
  for (const name of change.deleteHeaders ?? []) {
    for (const key of Object.keys(next)) if (lower(key) === lower(name)) delete next[key];
  }
  for (const [name, value] of Object.entries(change.headers)) {
    for (const key of Object.keys(next)) if (lower(key) === lower(name)) delete next[key];
    next[name] = value;
  }
  await db.endpoint.update({
    where: { id: endpointId, tenantId },
    data: { headers: sealHeaders(next) },
    select: { id: true },
  });
}
