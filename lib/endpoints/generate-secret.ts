import { randomBytes } from "node:crypto";
import { ValidationFailed } from "@/lib/api/errors";
import { generateSecretKey } from "@/lib/signing/ed25519-keys";

/** A new Standard Webhooks signing secret: whsec_ + base64 of 24 random bytes. */
export function generateSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

/**
 * The secret an endpoint signs with: the one given, or a new one of `keyType` (HMAC unless
 * "ed25519", which makes a key pair). A given secret of the other kind is a 422, not a guess.
 */
export function chooseSecret(
  given: string | null | undefined,
  keyType: "hmac" | "ed25519" | undefined,
  field: "secret" | "key",
): string {
  if (!given) return keyType === "ed25519" ? generateSecretKey() : generateSecret();
  if (keyType && (keyType === "ed25519") !== given.startsWith("whsk_"))
    throw new ValidationFailed([
      {
        loc: ["body", "keyType"],
        msg: `does not match the ${field} given ('${keyType}' with a ${given.startsWith("whsk_") ? "whsk_" : "whsec_"} ${field})`,
        type: "value_error.custom",
      },
    ]);
  return given;
}

/** A kind of key from an untrusted argument (a server action's), anything else as "not said". */
export function keyTypeOf(value: unknown): "hmac" | "ed25519" | undefined {
  return value === "hmac" || value === "ed25519" ? value : undefined;
}
