import { createHash } from "node:crypto";
import { ApiError, json } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/jobs/delivery-request";

/** A key is remembered this long after its first use, then may be used afresh (and is purged). */
export const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** A first request still "in progress" after this long died mid-flight: a retry may take over. */
export const IDEMPOTENCY_LEASE_MS = 60_000;

export interface IdempotencyClaim {
  tenantId: string;
  key: string;
  /** method + path + body digest: the same key with a different request is a 422. */
  fingerprint: string;
}

/**
 * How a route's repeated request is answered.
 * - `store`: the first response is stored and sent again.
 * - `rerun`: nothing is stored and the handler runs again; for answers that carry a credential
 *   (widget links), which must not sit in the database in clear.
 * - `atomic`: the handler records the key itself, in the transaction of its effect
 *   (`recordIdempotencyKey`), with a reference the route's `replay` rebuilds the answer from. A
 *   crash can then never leave an effect without its key, nor a key without its effect.
 */
export type ReplayPolicy =
  | { kind: "store" }
  | { kind: "rerun" }
  | { kind: "atomic"; replay: (ref: string) => Promise<Response> };

/** Thrown inside an atomic handler's transaction when a concurrent twin committed first. */
export class AlreadyRecorded extends Error {}

export function idempotencyClaim(
  tenantId: string,
  key: string,
  request: { method: string; path: string; body: string },
): IdempotencyClaim {
  if (key.length > 256)
    throw new ApiError(422, "validation", "Idempotency-Key must be at most 256 characters");
  const fingerprint = createHash("sha256")
    .update(`${request.method} ${request.path}\n${request.body}`)
    .digest("hex");
  return { tenantId, key, fingerprint };
}

/**
 * Runs `handler` at most once per (tenant, Idempotency-Key) within 24 hours. A repeat of the same
 * request gets the first answer again (`idempotent-replayed: true`); the same key with a different
 * request is a 422; a repeat while the first is still running is a 409, until the first's claim
 * expires (IDEMPOTENCY_LEASE_MS: it died mid-flight). 5xx answers are not kept, so a retry after
 * a server error runs again.
 */
export async function withIdempotency(
  claim: IdempotencyClaim,
  policy: ReplayPolicy,
  handler: () => Promise<Response>,
): Promise<Response> {
  for (let tries = 0; tries < 5; tries++) {
    if (policy.kind === "atomic") {
      // The common case, a new key, costs nothing extra: the key is written with the effect, and
      // only a taken key leads to reading the first answer.
      try {
        return await handler();
      } catch (error) {
        if (!(error instanceof AlreadyRecorded)) throw error;
      }
      const known = await knownAnswer(claim, policy);
      if (known && known !== "rerun") return known;
      continue;
    }
    const known = await knownAnswer(claim, policy);
    if (known === "rerun") return handler();
    if (known) return known;
    if (await claimKey(claim)) return runClaimed(claim, policy, handler);
  }
  throw new ApiError(
    409,
    "idempotency_in_progress",
    "A request with this Idempotency-Key is still in progress",
  );
}

async function runClaimed(
  claim: IdempotencyClaim,
  policy: ReplayPolicy,
  handler: () => Promise<Response>,
): Promise<Response> {
  let response: Response;
  try {
    response = await handler();
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) await release(claim);
    else await remember(claim, error.status, { code: error.code, detail: error.detail });
    throw error;
  }
  if (response.status >= 500) {
    await release(claim);
    return response;
  }
  if (policy.kind === "rerun") await remember(claim, response.status, null, "rerun");
  else {
    const text = await response.clone().text();
    await remember(claim, response.status, text ? JSON.parse(text) : null);
  }
  return response;
}

/**
 * For atomic routes, in the transaction of the effect: records the key as answered with `status`,
 * replayed from `ref`. Throws AlreadyRecorded (rolling the effect back) when a twin request
 * recorded it first; waits for a twin that is still in its transaction.
 */
export async function recordIdempotencyKey(
  tx: Tx,
  claim: IdempotencyClaim,
  answer: { status: number; ref: string },
): Promise<void> {
  const expiredBefore = new Date(Date.now() - IDEMPOTENCY_KEY_LIFETIME_MS);
  const rows = await tx.$queryRaw<{ key: string }[]>`
    INSERT INTO "IdempotencyKey" ("tenantId", "key", "fingerprint", "status", "replayRef", "createdAt")
    VALUES (${claim.tenantId}, ${claim.key}, ${claim.fingerprint}, ${answer.status}, ${answer.ref}, now())
    ON CONFLICT ("tenantId", "key") DO UPDATE
      SET "fingerprint" = EXCLUDED."fingerprint", "status" = EXCLUDED."status", "body" = NULL,
          "replayRef" = EXCLUDED."replayRef", "createdAt" = now()
      WHERE "IdempotencyKey"."createdAt" < ${expiredBefore}
    RETURNING "key"`;
  if (rows.length === 0) throw new AlreadyRecorded();
}

/**
 * What a repeat of this request gets when its key is known and live: the first answer, or "rerun"
 * (run the handler again). Null when the key is free (unknown, expired, or an in-progress claim
 * whose lease ran out).
 */
async function knownAnswer(
  claim: IdempotencyClaim,
  policy: ReplayPolicy,
): Promise<Response | "rerun" | null> {
  const existing = await db.idempotencyKey.findUnique({
    where: { tenantId_key: { tenantId: claim.tenantId, key: claim.key } },
    select: { fingerprint: true, status: true, body: true, replayRef: true, createdAt: true },
  });
  if (!existing || existing.createdAt.getTime() < Date.now() - IDEMPOTENCY_KEY_LIFETIME_MS) return null;
  if (existing.fingerprint !== claim.fingerprint)
    throw new ApiError(
      422,
      "idempotency_key_reused",
      "This Idempotency-Key was used with a different request",
    );
  if (existing.status === null) {
    if (existing.createdAt.getTime() < Date.now() - IDEMPOTENCY_LEASE_MS) return null;
    throw new ApiError(
      409,
      "idempotency_in_progress",
      "A request with this Idempotency-Key is still in progress",
    );
  }
  if (existing.replayRef === "rerun") return "rerun";
  const response =
    existing.replayRef !== null && policy.kind === "atomic"
      ? await policy.replay(existing.replayRef)
      : storedResponse(existing.status, existing.body);
  response.headers.set("idempotent-replayed", "true");
  return response;
}

function storedResponse(status: number, body: unknown): Response {
  // 204 and friends carry no body at all.
  if (status === 204 || status === 205 || status === 304) return new Response(null, { status });
  return json(body ?? null, status);
}

/**
 * Inserts the key as "in progress"; takes over a row that has expired, or an in-progress claim of
 * the same request whose lease ran out (its request died). True when this request owns it.
 */
async function claimKey(claim: IdempotencyClaim): Promise<boolean> {
  const now = Date.now();
  const rows = await db.$queryRaw<{ key: string }[]>`
    INSERT INTO "IdempotencyKey" ("tenantId", "key", "fingerprint", "createdAt")
    VALUES (${claim.tenantId}, ${claim.key}, ${claim.fingerprint}, now())
    ON CONFLICT ("tenantId", "key") DO UPDATE
      SET "fingerprint" = EXCLUDED."fingerprint", "status" = NULL, "body" = NULL, "replayRef" = NULL,
          "createdAt" = now()
      WHERE "IdempotencyKey"."createdAt" < ${new Date(now - IDEMPOTENCY_KEY_LIFETIME_MS)}
         OR ("IdempotencyKey"."status" IS NULL AND "IdempotencyKey"."fingerprint" = EXCLUDED."fingerprint"
             AND "IdempotencyKey"."createdAt" < ${new Date(now - IDEMPOTENCY_LEASE_MS)})
    RETURNING "key"`;
  return rows.length === 1;
}

async function remember(
  claim: IdempotencyClaim,
  status: number,
  body: unknown,
  replayRef: string | null = null,
): Promise<void> {
  await db.idempotencyKey.updateMany({
    where: { tenantId: claim.tenantId, key: claim.key, fingerprint: claim.fingerprint, status: null },
    data: { status, body: body === null ? Prisma.DbNull : (body as Prisma.InputJsonValue), replayRef },
  });
}

async function release(claim: IdempotencyClaim): Promise<void> {
  await db.idempotencyKey.deleteMany({ where: { tenantId: claim.tenantId, key: claim.key, status: null } });
}
