import { createHash } from "node:crypto";
import { ApiError, json } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * Runs `handler` at most once per (tenant, Idempotency-Key) within 24 hours. A repeat of the same
 * request gets the first response again (with `idempotent-replayed: true`); the same key with a
 * different method, path or body is a 422; a repeat while the first is still running is a 409.
 * Responses of 5xx are not kept, so a retry after a server error runs again.
 */
export async function withIdempotency(
  tenantId: string,
  key: string,
  request: { method: string; path: string; body: string },
  handler: () => Promise<Response>,
): Promise<Response> {
  if (key.length > 256)
    throw new ApiError(422, "validation", "Idempotency-Key must be at most 256 characters");
  const fingerprint = createHash("sha256")
    .update(`${request.method} ${request.path}\n${request.body}`)
    .digest("hex");

  if (!(await claim(tenantId, key, fingerprint))) {
    const existing = await db.idempotencyKey.findUnique({
      where: { tenantId_key: { tenantId, key } },
      select: { fingerprint: true, status: true, body: true },
    });
    if (!existing) return withIdempotency(tenantId, key, request, handler);
    if (existing.fingerprint !== fingerprint) {
      throw new ApiError(
        422,
        "idempotency_key_reused",
        "This Idempotency-Key was used with a different request",
      );
    }
    if (existing.status === null) {
      throw new ApiError(
        409,
        "idempotency_in_progress",
        "A request with this Idempotency-Key is still in progress",
      );
    }
    return json(existing.body, existing.status, { "idempotent-replayed": "true" });
  }

  let response: Response;
  try {
    response = await handler();
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) await release(tenantId, key);
    else await remember(tenantId, key, error.status, { code: error.code, detail: error.detail });
    throw error;
  }
  if (response.status >= 500) {
    await release(tenantId, key);
    return response;
  }
  const text = await response.clone().text();
  await remember(tenantId, key, response.status, text ? JSON.parse(text) : null);
  return response;
}

/** Inserts the key as "in progress"; replaces a row that has expired. True when this request owns it. */
async function claim(tenantId: string, key: string, fingerprint: string): Promise<boolean> {
  const expiredBefore = new Date(Date.now() - KEY_LIFETIME_MS);
  const rows = await db.$queryRaw<{ key: string }[]>`
    INSERT INTO "IdempotencyKey" ("tenantId", "key", "fingerprint", "createdAt")
    VALUES (${tenantId}, ${key}, ${fingerprint}, now())
    ON CONFLICT ("tenantId", "key") DO UPDATE
      SET "fingerprint" = EXCLUDED."fingerprint", "status" = NULL, "body" = NULL, "createdAt" = now()
      WHERE "IdempotencyKey"."createdAt" < ${expiredBefore}
    RETURNING "key"`;
  return rows.length === 1;
}

async function remember(tenantId: string, key: string, status: number, body: unknown): Promise<void> {
  await db.idempotencyKey.update({
    where: { tenantId_key: { tenantId, key } },
    data: { status, body: body === null ? Prisma.JsonNull : (body as Prisma.InputJsonValue) },
  });
}

async function release(tenantId: string, key: string): Promise<void> {
  await db.idempotencyKey.deleteMany({ where: { tenantId, key, status: null } });
}
