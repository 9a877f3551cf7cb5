import { createHash, randomBytes } from "node:crypto";
import { notFound } from "@/lib/api/errors";
import { type ListQuery, paginate } from "@/lib/api/pagination";
import { findApplication } from "@/lib/applications/find-application";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";

// Svix's integrations: named keys scoped to one application's endpoint API. The key
// (`integsk_` + 192 random bits) is shown when created or rotated and stored as SHA-256 only.

export const INTEGRATION_KEY_PREFIX = "integsk_";

const hashKey = (key: string) => createHash("sha256").update(key).digest("hex");
const generateKey = () => INTEGRATION_KEY_PREFIX + randomBytes(24).toString("base64url");

const select = { id: true, name: true, featureFlags: true, createdAt: true, updatedAt: true } as const;
type Row = { id: string; name: string; featureFlags: string[]; createdAt: Date; updatedAt: Date };

/** Svix's IntegrationOut. */
export function serializeIntegration(i: Row) {
  return {
    id: i.id,
    name: i.name,
    featureFlags: i.featureFlags,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
  };
}

export interface IntegrationInput {
  name: string;
  featureFlags?: string[] | null;
}

/** Creates an integration; its key comes back this once (Hookline: `key` on the create answer). */
export async function createIntegration(tenantId: string, appIdOrUid: string, input: IntegrationInput) {
  const app = await findApplication(tenantId, appIdOrUid);
  const key = generateKey();
  const integration = await db.integration.create({
    data: {
      id: newId("integ"),
      tenantId,
      applicationId: app.id,
      name: input.name,
      featureFlags: input.featureFlags ?? [],
      keyHash: hashKey(key),
    },
    select,
  });
  return { integration, key };
}

async function find(tenantId: string, appIdOrUid: string, integId: string) {
  const app = await findApplication(tenantId, appIdOrUid);
  const found = await db.integration.findFirst({
    where: { id: integId, tenantId, applicationId: app.id },
    select,
  });
  if (!found) throw notFound("Integration");
  return found;
}

export const getIntegration = find;

export async function listIntegrations(tenantId: string, appIdOrUid: string, query: ListQuery) {
  const app = await findApplication(tenantId, appIdOrUid);
  return paginate(
    query,
    ({ after, before, ascending, take }) =>
      db.integration.findMany({
        where: {
          tenantId,
          applicationId: app.id,
          id: after ? { gt: after } : before ? { lt: before } : undefined,
        },
        orderBy: { id: ascending ? "asc" : "desc" },
        take,
        select,
      }),
    (i) => i.id,
  );
}

export async function updateIntegration(
  tenantId: string,
  appIdOrUid: string,
  integId: string,
  input: IntegrationInput,
) {
  const found = await find(tenantId, appIdOrUid, integId);
  return db.integration.update({
    where: { id: found.id },
    data: { name: input.name, featureFlags: input.featureFlags ?? [] },
    select,
  });
}

export async function deleteIntegration(tenantId: string, appIdOrUid: string, integId: string) {
  const found = await find(tenantId, appIdOrUid, integId);
  await db.integration.delete({ where: { id: found.id } });
}

/** A new key; the old one stops working at once. */
export async function rotateIntegrationKey(tenantId: string, appIdOrUid: string, integId: string) {
  const found = await find(tenantId, appIdOrUid, integId);
  const key = generateKey();
  await db.integration.update({
    where: { id: found.id },
    data: { keyHash: hashKey(key) },
    select: { id: true },
  });
  return { key };
}

/** The tenant and application an integration key belongs to, or null. */
export async function findIntegrationKey(
  key: string,
): Promise<{ tenantId: string; integrationId: string; applicationId: string } | null> {
  if (!key.startsWith(INTEGRATION_KEY_PREFIX) || key.length > 200) return null;
  const found = await db.integration.findUnique({
    where: { keyHash: hashKey(key) },
    select: { id: true, tenantId: true, applicationId: true },
  });
  return found
    ? { tenantId: found.tenantId, integrationId: found.id, applicationId: found.applicationId }
    : null;
}
