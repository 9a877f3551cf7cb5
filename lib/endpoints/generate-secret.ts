import { randomBytes } from "node:crypto";

/** A new Standard Webhooks signing secret: whsec_ + base64 of 24 random bytes. */
export function generateSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}
