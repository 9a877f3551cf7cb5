import { notFound } from "@/lib/api/errors";
import { type ListQuery, paginate } from "@/lib/api/pagination";
import { db } from "@/lib/db";
import { validSecrets } from "@/lib/endpoints/endpoint-secrets";
import { findInspector } from "@/lib/inspector/inspectors";
import { verify } from "@/lib/signing/standard-webhooks";

const select = {
  id: true,
  method: true,
  path: true,
  query: true,
  headers: true,
  body: true,
  bodyEncoding: true,
  clientAddress: true,
  createdAt: true,
} as const;

type Row = {
  id: string;
  method: string;
  path: string;
  query: string;
  headers: unknown;
  body: string;
  bodyEncoding: string;
  clientAddress: string | null;
  createdAt: Date;
};

/**
 * Whether a recorded request carries a Standard Webhooks signature that one of `secrets` verifies
 * (v1 with an HMAC secret, v1a with an Ed25519 key), over the exact body received; its timestamp
 * is held to the usual 5 minutes around when it arrived, not around now.
 */
export function signatureValid(row: Row, secrets: string[]): boolean {
  const headers = row.headers as Record<string, string>;
  const [id, timestamp, signature] = ["webhook-id", "webhook-timestamp", "webhook-signature"].map(
    (name) => headers[name] ?? headers[name.replace("webhook", "svix")],
  );
  // Not UTF-8 (kept as base64): not a body we signed.
  if (!id || !timestamp || !signature || row.bodyEncoding === "base64") return false;
  const arrived = Math.floor(row.createdAt.getTime() / 1000);
  return secrets.some((secret) => verify(secret, { id, timestamp, signature }, row.body, arrived));
}

export function serializeRequest(row: Row, secrets?: string[]) {
  return {
    id: row.id,
    method: row.method,
    path: row.path,
    query: row.query,
    headers: row.headers as Record<string, string>,
    body: row.body,
    bodyEncoding: row.bodyEncoding as "utf8" | "base64",
    clientAddress: row.clientAddress,
    receivedAt: row.createdAt.toISOString(),
    ...(secrets ? { signatureValid: signatureValid(row, secrets) } : {}),
  };
}
export type InspectorRequestOut = ReturnType<typeof serializeRequest>;

/** The secrets that sign now for the tenant's endpoint `endpointId` (any application), or a 404. */
export async function endpointSecretsFor(tenantId: string, endpointId: string): Promise<string[]> {
  const endpoint = await db.endpoint.findFirst({
    where: { id: endpointId, tenantId },
    select: { id: true },
  });
  if (!endpoint) throw notFound("Endpoint");
  return validSecrets(endpoint.id);
}

/** A page of an inspector's requests, newest first; with `endpointId`, each signature checked. */
export async function listInspectorRequests(
  tenantId: string,
  inspectorId: string,
  query: ListQuery & { endpoint_id?: string },
) {
  const inspector = await findInspector(tenantId, inspectorId);
  const secrets = query.endpoint_id ? await endpointSecretsFor(tenantId, query.endpoint_id) : undefined;
  const page = await paginate(
    query,
    ({ after, before, ascending, take }) =>
      db.inspectorRequest.findMany({
        where: { inspectorId: inspector.id, id: { gt: after, lt: before } },
        orderBy: { id: ascending ? "asc" : "desc" },
        take,
        select,
      }),
    (r) => r.id,
  );
  return { ...page, data: page.data.map((r) => serializeRequest(r, secrets)) };
}

/** The requests newer than `afterId` (oldest first, at most 100): what a live view appends. */
export async function requestsSince(tenantId: string, inspectorId: string, afterId?: string) {
  const inspector = await findInspector(tenantId, inspectorId);
  const rows = await db.inspectorRequest.findMany({
    where: { inspectorId: inspector.id, id: { gt: afterId } },
    orderBy: { id: afterId ? "asc" : "desc" },
    take: 100,
    select,
  });
  return (afterId ? rows : rows.reverse()).map((r) => serializeRequest(r));
}
