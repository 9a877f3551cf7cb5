import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

// An endpoint's custom headers often carry its receiver's credentials, so they are stored as
// signing secrets are: the whole map, as JSON, sealed with AES-256-GCM under
// SECRETS_ENCRYPTION_KEY, kept in the `headers` column as a JSON *string*. No headers stay `{}`
// (nothing to hide, nothing to decrypt per attempt). A JSON object there is a map stored before
// this change; sealStoredHeaders() seals those at start, and until then they are read as they are.

export function sealHeaders(headers: Record<string, string>): Prisma.InputJsonValue {
  return Object.keys(headers).length === 0 ? {} : encryptSecret(JSON.stringify(headers));
}

/** The custom headers from the stored column. Throws when a sealed map cannot be decrypted. */
export function openHeaders(stored: unknown): Record<string, string> {
  if (typeof stored === "string") return JSON.parse(decryptSecret(stored)) as Record<string, string>;
  if (stored && typeof stored === "object" && !Array.isArray(stored)) return stored as Record<string, string>;
  return {};
}

/**
 * Seals header maps stored in the clear (before encryption at rest), in batches; each row only if
 * it has not changed meanwhile. Run at start after the migrations; returns how many were sealed.
 */
export async function sealStoredHeaders(batch = 500): Promise<number> {
  let sealed = 0;
  for (;;) {
    const rows = await db.$queryRaw<{ id: string; headers: Record<string, string> }[]>`
      SELECT id, headers FROM "Endpoint"
       WHERE jsonb_typeof(headers) = 'object' AND headers <> '{}'::jsonb
       LIMIT ${batch}`;
    let changed = 0;
    for (const row of rows)
      changed += await db.$executeRaw`
        UPDATE "Endpoint" SET headers = to_jsonb(${encryptSecret(JSON.stringify(row.headers))}::text)
         WHERE id = ${row.id} AND headers = ${JSON.stringify(row.headers)}::jsonb`;
    sealed += changed;
    // A full batch that changed nothing was all edited meanwhile: the next start seals those.
    if (rows.length < batch || changed === 0) return sealed;
  }
}
