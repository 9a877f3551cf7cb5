import { randomBytes } from "node:crypto";
import { ApiError, notFound } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { newId } from "@/lib/ids";
import type { InspectorIn } from "@/lib/schemas/inspector";

// Request inspectors: a URL that records whatever it is sent (lib/inspector/receive-request.ts),
// read through the API and the portal. Scoped to a tenant; expired ones are gone for every reader
// (and deleted by the hourly maintenance).

/** Live inspectors a tenant may hold at once. */
export const MAX_INSPECTORS_PER_TENANT = 50;
const DEFAULT_LIFETIME_SECONDS = 24 * 3600;

const select = {
  id: true,
  name: true,
  token: true,
  responseStatus: true,
  createdAt: true,
  expiresAt: true,
} as const;
type Row = {
  id: string;
  name: string;
  token: string;
  responseStatus: number;
  createdAt: Date;
  expiresAt: Date;
};

/** Where an inspector receives: `<APP_URL>/in/<token>` (any path below it too). */
export function inspectorUrl(token: string): string {
  return `${appUrl()}/in/${token}`;
}

export function serializeInspector(r: Row) {
  return {
    id: r.id,
    name: r.name,
    url: inspectorUrl(r.token),
    responseStatus: r.responseStatus,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
  };
}
export type InspectorOut = ReturnType<typeof serializeInspector>;

export async function createInspector(tenantId: string, input: InspectorIn, now = new Date()): Promise<Row> {
  const live = await db.inspector.count({ where: { tenantId, expiresAt: { gt: now } } });
  if (live >= MAX_INSPECTORS_PER_TENANT)
    throw new ApiError(
      422,
      "quota_exceeded",
      `This account already has ${MAX_INSPECTORS_PER_TENANT} inspectors; delete one or let it expire.`,
    );
  return db.inspector.create({
    data: {
      id: newId("insp"),
      tenantId,
      name: input.name ?? "",
      // 128 random bits: the URL cannot be guessed.
      token: randomBytes(16).toString("base64url"),
      responseStatus: input.responseStatus ?? 200,
      expiresAt: new Date(now.getTime() + (input.expiresInSeconds ?? DEFAULT_LIFETIME_SECONDS) * 1000),
    },
    select,
  });
}

/** The tenant's live inspectors, newest first. */
export function listInspectors(tenantId: string, now = new Date()): Promise<Row[]> {
  return db.inspector.findMany({
    where: { tenantId, expiresAt: { gt: now } },
    orderBy: { id: "desc" },
    select,
  });
}

/** One live inspector of the tenant's, or a 404. */
export async function findInspector(tenantId: string, id: string, now = new Date()): Promise<Row> {
  const found = await db.inspector.findFirst({ where: { id, tenantId, expiresAt: { gt: now } }, select });
  if (!found) throw notFound("Inspector");
  return found;
}

export async function updateInspector(
  tenantId: string,
  id: string,
  patch: { name?: string; responseStatus?: number },
): Promise<Row> {
  const found = await findInspector(tenantId, id);
  return db.inspector.update({ where: { id: found.id }, data: patch, select });
}

export async function deleteInspector(tenantId: string, id: string): Promise<void> {
  const found = await findInspector(tenantId, id);
  await db.inspector.delete({ where: { id: found.id } });
}
