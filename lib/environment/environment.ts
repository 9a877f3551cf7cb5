import { createCipheriv, createDecipheriv, randomBytes, scrypt } from "node:crypto";
import { z } from "zod";
import { ApiError, ValidationFailed } from "@/lib/api/errors";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { generateSecret } from "@/lib/endpoints/generate-secret";
import { openHeaders, sealHeaders } from "@/lib/endpoints/header-box";
import { eventTypeSelect, serializeEventType } from "@/lib/event-types/serialize-event-type";
import { Prisma } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/ids";
import { ensureOperationalApp, OPERATIONAL_APP_UID } from "@/lib/operational/operational-app";
import { uid } from "@/lib/schemas/common";
import { eventTypeIn } from "@/lib/schemas/event-type";
import { assertQuota } from "@/lib/tenants/quotas";

// Svix's environment export/import, and more: besides event types and settings (Svix's
// EnvironmentOut), Hookline exports applications with their endpoints, and operational-webhook
// endpoints, so a tenant can move between Hookline servers. Endpoint secrets and custom headers
// travel only when a passphrase is given, sealed with AES-256-GCM under a key derived from it
// (scrypt); without one, imported endpoints get new secrets. Import adds and updates, never
// deletes; applications and endpoints are matched by uid (one without a uid travels with its old
// id as uid, so importing twice updates rather than duplicates). A Svix export (event types and
// settings) imports as it is.

export const ENVIRONMENT_VERSION = 1;

const passphrase = z.string().min(12, "at least 12 characters").max(1024);
export const environmentExportIn = z.object({ passphrase: passphrase.nullish() }).nullish();

const sealedOrNull = z.string().max(20_000).nullish();
const endpointIn = z.object({
  uid,
  url: z.string().url().max(65_536),
  description: z.string().max(4096).default(""),
  disabled: z.boolean().default(false),
  eventTypes: z.array(z.string().max(256)).max(250).default([]),
  channels: z.array(z.string().max(128)).max(10).default([]),
  metadata: z.record(z.string(), z.string()).default({}),
  throttleRate: z.number().int().min(1).max(65_535).nullish(),
  timeoutMs: z.number().int().min(1000).max(60_000).default(15_000),
  batchMaxSize: z.number().int().min(2).max(1000).nullish(),
  batchMaxWaitMs: z.number().int().min(0).max(60_000).default(1000),
  polling: z.boolean().default(false),
  secrets: sealedOrNull,
  headers: sealedOrNull,
});
export const environmentIn = z.object({
  version: z.number().int().optional(),
  eventTypes: z.array(eventTypeIn.passthrough()).max(5000).nullish(),
  settings: z.record(z.string(), z.unknown()).nullish(),
  connectors: z.array(z.unknown()).nullish(),
  applications: z
    .array(
      z.object({
        uid,
        name: z.string().min(1).max(256),
        metadata: z.record(z.string(), z.string()).default({}),
        throttleRate: z.number().int().min(1).max(65_535).nullish(),
        endpoints: z.array(endpointIn).max(500).default([]),
      }),
    )
    .max(10_000)
    .nullish(),
  operationalEndpoints: z.array(endpointIn).max(500).nullish(),
  // Present when secrets and headers travel: the scrypt salt of the passphrase's key.
  sealing: z.object({ salt: z.string().max(100) }).nullish(),
  passphrase: passphrase.nullish(),
});
export type EnvironmentIn = z.infer<typeof environmentIn>;

function transportKey(pass: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(pass, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }, (e, k) =>
      e ? reject(e) : resolve(k),
    ),
  );
}

function seal(key: Buffer, value: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url")).join(".");
}

function unseal(key: Buffer, sealed: string): unknown {
  const [iv, tag, body] = sealed.split(".");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv ?? "", "base64url"));
    decipher.setAuthTag(Buffer.from(tag ?? "", "base64url"));
    return JSON.parse(
      Buffer.concat([decipher.update(Buffer.from(body ?? "", "base64url")), decipher.final()]).toString(
        "utf8",
      ),
    );
  } catch {
    throw new ApiError(400, "bad_request", "The passphrase does not open this export's secrets");
  }
}

const endpointFields = {
  id: true,
  uid: true,
  url: true,
  description: true,
  disabled: true,
  eventTypes: true,
  channels: true,
  metadata: true,
  throttleRate: true,
  timeoutMs: true,
  batchMaxSize: true,
  batchMaxWaitMs: true,
  polling: true,
  headers: true,
  secrets: { select: { encrypted: true, expiresAt: true }, orderBy: { createdAt: "desc" as const } },
} as const;

/** Svix's EnvironmentOut, plus applications, endpoints and operational endpoints. */
export async function exportEnvironment(
  tenantId: string,
  options: { passphrase?: string | null } = {},
  now = new Date(),
) {
  const salt = randomBytes(16);
  const key = options.passphrase ? await transportKey(options.passphrase, salt) : null;
  const [tenant, eventTypes, apps] = await Promise.all([
    db.tenant.findUniqueOrThrow({
      where: { id: tenantId },
      select: { retentionDays: true, svixHeaders: true, widgetAllowedOrigins: true, widgetTheme: true },
    }),
    db.eventType.findMany({ where: { tenantId }, orderBy: { name: "asc" }, select: eventTypeSelect }),
    db.application.findMany({
      where: { tenantId },
      orderBy: { id: "asc" },
      select: {
        id: true,
        uid: true,
        name: true,
        metadata: true,
        throttleRate: true,
        internal: true,
        endpoints: { orderBy: { id: "asc" }, select: endpointFields },
      },
    }),
  ]);
  const endpoint = (e: (typeof apps)[number]["endpoints"][number]) => ({
    uid: e.uid ?? e.id,
    url: e.url,
    description: e.description,
    disabled: e.disabled,
    eventTypes: e.eventTypes,
    channels: e.channels,
    metadata: e.metadata as Record<string, string>,
    throttleRate: e.throttleRate,
    timeoutMs: e.timeoutMs,
    batchMaxSize: e.batchMaxSize,
    batchMaxWaitMs: e.batchMaxWaitMs,
    polling: e.polling,
    secrets: key
      ? seal(
          key,
          e.secrets
            .filter((s) => !s.expiresAt || s.expiresAt > now)
            .map((s) => ({ key: decryptSecret(s.encrypted), expiresAt: s.expiresAt?.toISOString() ?? null })),
        )
      : null,
    headers: key ? seal(key, openHeaders(e.headers)) : null,
  });
  const operational = apps.find((a) => a.internal && a.uid === OPERATIONAL_APP_UID);
  return {
    version: ENVIRONMENT_VERSION,
    createdAt: now.toISOString(),
    eventTypes: eventTypes.map(serializeEventType),
    settings: {
      retentionDays: tenant.retentionDays,
      svixHeaders: tenant.svixHeaders,
      widgetAllowedOrigins: tenant.widgetAllowedOrigins,
      widgetTheme: tenant.widgetTheme,
    },
    connectors: [],
    applications: apps
      .filter((a) => !a.internal)
      .map((a) => ({
        uid: a.uid ?? a.id,
        name: a.name,
        metadata: a.metadata as Record<string, string>,
        throttleRate: a.throttleRate,
        endpoints: a.endpoints.map(endpoint),
      })),
    operationalEndpoints: (operational?.endpoints ?? []).map(endpoint),
    sealing: key ? { salt: salt.toString("base64url") } : null,
  };
}

const settingsIn = z.object({
  retentionDays: z.number().int().min(1).max(90).optional(),
  svixHeaders: z.boolean().optional(),
  widgetAllowedOrigins: z.array(z.string().max(300)).max(50).optional(),
  widgetTheme: z.record(z.string(), z.unknown()).optional(),
});

/** Adds and updates what the export holds; deletes nothing. One transaction. */
export async function importEnvironment(tenantId: string, input: EnvironmentIn) {
  const sealed = [
    ...(input.applications ?? []).flatMap((a) => a.endpoints),
    ...(input.operationalEndpoints ?? []),
  ].some((e) => e.secrets || e.headers);
  if (sealed && (!input.sealing || !input.passphrase))
    throw new ApiError(
      400,
      "bad_request",
      "This export carries sealed secrets: give the passphrase it was made with",
    );
  const key =
    sealed && input.sealing && input.passphrase
      ? await transportKey(input.passphrase, Buffer.from(input.sealing.salt, "base64url"))
      : null;
  const settings = settingsIn.safeParse(input.settings ?? {});
  if (!settings.success)
    throw new ValidationFailed(
      settings.error.issues.map((i) => ({
        loc: ["body", "settings", ...i.path.map(String)],
        msg: i.message,
        type: "value_error",
      })),
    );
  const apps = input.applications ?? [];
  if (apps.length > 0) {
    const known = await db.application.count({
      where: { tenantId, internal: false, uid: { in: apps.map((a) => a.uid) } },
    });
    if (apps.length > known) await assertQuota("applications", { tenantId, adding: apps.length - known });
  }
  const types = input.eventTypes ?? [];
  if (types.length > 0) {
    const known = await db.eventType.count({ where: { tenantId, name: { in: types.map((t) => t.name) } } });
    if (types.length > known) await assertQuota("eventTypes", { tenantId, adding: types.length - known });
  }
  const operationalAppId = input.operationalEndpoints?.length ? await ensureOperationalApp(tenantId) : null;
  const counts = { eventTypes: 0, applications: 0, endpoints: 0 };
  await db.$transaction(
    async (tx) => {
      if (Object.keys(settings.data).length > 0)
        await tx.tenant.update({
          where: { id: tenantId },
          data: {
            ...settings.data,
            widgetTheme: settings.data.widgetTheme as Prisma.InputJsonValue | undefined,
          },
          select: { id: true },
        });
      for (const et of input.eventTypes ?? []) {
        const fields = {
          description: et.description ?? "",
          archived: et.archived ?? false,
          deprecated: et.deprecated ?? false,
          schemas: et.schemas == null ? Prisma.DbNull : (et.schemas as Prisma.InputJsonValue),
          groupName: et.groupName ?? null,
          featureFlags: et.featureFlags ?? [],
          thinPayload: et.thinPayload ?? false,
        };
        await tx.eventType.upsert({
          where: { tenantId_name: { tenantId, name: et.name } },
          create: { id: newId("et"), tenantId, name: et.name, ...fields },
          update: fields,
          select: { id: true },
        });
        counts.eventTypes++;
      }
      const upsertEndpoint = async (applicationId: string, e: z.infer<typeof endpointIn>) => {
        const secrets =
          key && e.secrets ? (unseal(key, e.secrets) as { key: string; expiresAt: string | null }[]) : null;
        const headers = key && e.headers ? (unseal(key, e.headers) as Record<string, string>) : null;
        const fields = {
          url: e.url,
          description: e.description,
          disabled: e.disabled,
          eventTypes: e.eventTypes,
          channels: e.channels,
          metadata: e.metadata,
          throttleRate: e.throttleRate ?? null,
          timeoutMs: e.timeoutMs,
          batchMaxSize: e.batchMaxSize ?? null,
          batchMaxWaitMs: e.batchMaxWaitMs,
          polling: e.polling,
          ...(headers ? { headers: sealHeaders(headers) } : {}),
        };
        const existing = await tx.endpoint.findFirst({
          where: { tenantId, applicationId, uid: e.uid },
          select: { id: true },
        });
        const id = existing?.id ?? newId("ep");
        if (existing) await tx.endpoint.update({ where: { id }, data: fields, select: { id: true } });
        else
          await tx.endpoint.create({
            data: { id, tenantId, applicationId, uid: e.uid, ...fields },
            select: { id: true },
          });
        if (secrets?.length) {
          await tx.endpointSecret.deleteMany({ where: { endpointId: id } });
          await tx.endpointSecret.createMany({
            data: secrets.map((s, i) => ({
              id: newId("sec", Date.now() - i),
              endpointId: id,
              encrypted: encryptSecret(s.key),
              expiresAt: s.expiresAt ? new Date(s.expiresAt) : null,
            })),
          });
        } else if (!existing) {
          await tx.endpointSecret.create({
            data: { id: newId("sec"), endpointId: id, encrypted: encryptSecret(generateSecret()) },
          });
        }
        counts.endpoints++;
      };
      for (const app of input.applications ?? []) {
        const found = await tx.application.findFirst({
          where: { tenantId, uid: app.uid, internal: false },
          select: { id: true },
        });
        const fields = { name: app.name, metadata: app.metadata, throttleRate: app.throttleRate ?? null };
        const applicationId = found?.id ?? newId("app");
        if (found)
          await tx.application.update({ where: { id: applicationId }, data: fields, select: { id: true } });
        else
          await tx.application.create({
            data: { id: applicationId, tenantId, uid: app.uid, ...fields },
            select: { id: true },
          });
        counts.applications++;
        for (const e of app.endpoints) await upsertEndpoint(applicationId, e);
      }
      for (const e of input.operationalEndpoints ?? []) await upsertEndpoint(operationalAppId!, e);
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  return counts;
}
