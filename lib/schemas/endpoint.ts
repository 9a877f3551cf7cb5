import { z } from "zod";
import { channel, eventTypeName, metadata, throttleRate, throttleRatePatch, uid } from "@/lib/schemas/common";
import { normalizeSecretKey, SECRET_KEY_PREFIX } from "@/lib/signing/ed25519-keys";

// Header names we set ourselves or that HTTP owns; endpoints may not override them.
const RESERVED_HEADERS = new Set([
  "host",
  "content-length",
  "content-type",
  "connection",
  "transfer-encoding",
  "keep-alive",
  "upgrade",
  "user-agent",
  "te",
  "trailer",
  "proxy-authorization",
  "proxy-connection",
]);

const headerName = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/, "is not a valid HTTP header name")
  .refine((h) => !RESERVED_HEADERS.has(h.toLowerCase()) && !/^(webhook|svix)-/i.test(h), "is reserved");

// What every HTTP implementation carries the same way: visible ASCII, spaces and tabs (a value
// such as "5€" makes Node refuse to send the request at all).
const HEADER_VALUE = /^[\t\x20-\x7e]*$/;

export const headersMap = z
  .record(headerName, z.string().max(4096))
  .superRefine((headers, ctx) => {
    for (const [name, value] of Object.entries(headers)) {
      if (!HEADER_VALUE.test(value))
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: `The value of header '${name}' may only contain printable ASCII characters, spaces and tabs`,
        });
    }
  })
  .refine((h) => Object.keys(h).length <= 50, "at most 50 headers");

export const endpointUrl = z
  .string()
  .max(65_536)
  .url()
  .refine((u) => /^https?:\/\//i.test(u), "must be an http:// or https:// URL");

// Base64 of 24 to 64 random bytes, optionally prefixed with whsec_ (Svix's pattern); stored with
// the prefix, as Standard Webhooks secrets are written. Or an Ed25519 secret key, "whsk_" + base64
// of its 32-byte seed (or of the 64-byte seed-and-public-key form), stored as the seed.
const hmacSecret = z
  .string()
  .regex(
    /^(whsec_)?[A-Za-z0-9+/]{30,100}={0,2}$/,
    "must be base64, optionally prefixed with 'whsec_' or 'whsk_'",
  )
  .transform((s) => (s.startsWith("whsec_") ? s : `whsec_${s}`))
  .refine((s) => {
    const n = Buffer.from(s.slice(6), "base64").length;
    return n >= 24 && n <= 64;
  }, "must encode 24 to 64 bytes");

export const endpointSecret = z
  .string()
  .transform((value, ctx) => {
    if (/^wh(pk|pk1|sk1)_/.test(value)) {
      ctx.addIssue({
        code: "custom",
        message: value.startsWith("whpk")
          ? "is a public key, which cannot sign: give the 'whsk_' secret key (receivers get the public key)"
          : "uses a key version this server does not support: give a 'whsec_' secret or a 'whsk_' Ed25519 key",
      });
      return z.NEVER;
    }
    if (value.startsWith(SECRET_KEY_PREFIX)) {
      const key = normalizeSecretKey(value);
      if (!key)
        ctx.addIssue({
          code: "custom",
          message: "must be 'whsk_' + base64 of a 32-byte Ed25519 seed (or the 64-byte seed and public key)",
        });
      return key ?? z.NEVER;
    }
    const parsed = hmacSecret.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message });
      return z.NEVER;
    }
    return parsed.data;
  })
  .meta({
    pattern: "^(whsec_|whsk_)?[a-zA-Z0-9+/=]{32,100}$",
    description:
      "The endpoint's signing secret: base64 random bytes optionally prefixed with `whsec_` (HMAC, `v1`), or `whsk_` + base64 of an Ed25519 seed (`v1a`; GET …/secret then returns the `whpk_` public key). Best left unset: the server generates one.",
  });

// Hookline extension: the kind of secret to generate when none is given: an HMAC secret (`v1`
// signatures, Svix's default) or an Ed25519 key pair (`v1a`; receivers get only the public key).
const keyType = z
  .enum(["hmac", "ed25519"])
  .describe("Hookline extension: the kind of secret to generate when none is given (default hmac).");

export const endpointIn = z.object({
  url: endpointUrl,
  description: z.string().max(4096).optional(),
  uid: uid.nullish(),
  disabled: z.boolean().optional(),
  eventTypes: z.array(eventTypeName).max(250).nullish(),
  channels: z.array(channel).max(10).nullish(),
  secret: endpointSecret.nullish(),
  keyType: keyType.optional(),
  metadata: metadata.optional(),
  headers: headersMap.nullish(),
  throttleRate: throttleRate.optional(),
  version: z.number().int().min(1).optional(),
  // Hookline extension: seconds to wait for the receiver (1–60, default 15).
  timeout: z.number().int().min(1).max(60).optional(),
  // Hookline extension: send up to this many pending messages as one POST (null/absent = off) …
  batchMaxSize: z.number().int().min(2).max(1000).nullish(),
  // Hookline extension: a polling endpoint gets no deliveries; it is read through the poller API.
  polling: z.boolean().optional(),
  // … waiting at most this many milliseconds for a batch to fill (default 1000).
  batchMaxWaitMs: z.number().int().min(0).max(60_000).optional(),
});
export type EndpointIn = z.infer<typeof endpointIn>;

export const endpointUpdate = endpointIn.omit({ secret: true, keyType: true, headers: true });
// On PATCH, Svix takes throttleRate 0 as "no limit", as null is.
export const endpointPatch = endpointUpdate.partial().extend({ throttleRate: throttleRatePatch.optional() });
export type EndpointPatch = z.infer<typeof endpointPatch>;

export const endpointOut = z.object({
  id: z.string(),
  uid: z.string().nullable(),
  url: z.string(),
  description: z.string(),
  version: z.number(),
  disabled: z.boolean(),
  eventTypes: z.array(z.string()).nullable(),
  channels: z.array(z.string()).nullable(),
  metadata: z.record(z.string(), z.string()),
  throttleRate: z.number().nullable(),
  timeout: z.number(),
  batchMaxSize: z.number().nullable(),
  polling: z.boolean(),
  batchMaxWaitMs: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EndpointOut = z.infer<typeof endpointOut>;

export const secretRotateIn = z.object({
  key: endpointSecret.nullish(),
  keyType: keyType.optional(),
  // How long the replaced secret keeps signing alongside the new one (default 24 h, max 7 days).
  gracePeriodSeconds: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 3600)
    .nullish(),
});

export const headersIn = z.object({ headers: headersMap });
export const headersPatchIn = z.object({
  headers: headersMap,
  deleteHeaders: z.array(z.string().max(256)).max(50).optional(),
});
