import { z } from "zod";

// Svix's rules for uids, event type names and channels.
export const uid = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[a-zA-Z0-9\-_.]+$/, "may contain only letters, digits, '-', '_' and '.'")
  .refine((v) => !v.startsWith("__"), "may not start with '__' (reserved)");

export const eventTypeName = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[a-zA-Z0-9\-_.]+$/, "may contain only letters, digits, '-', '_' and '.'");

export const channel = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[a-zA-Z0-9\-_.:+]+$/, "may contain only letters, digits, '-', '_', '.', ':' and '+'");

export const metadata = z
  .record(z.string().max(256), z.string().max(4096))
  .refine((m) => Object.keys(m).length <= 50, "at most 50 keys");

/** Messages per second; null removes the limit. */
export const throttleRate = z.number().int().min(1).max(65_535).nullable();

/** As PATCH takes it (Svix): 0 also removes the limit. */
export const throttleRatePatch = z
  .number()
  .int()
  .min(0)
  .max(65_535)
  .nullable()
  .transform((v) => (v === 0 ? null : v));

export const booleanQuery = z
  .enum(["true", "false"])
  .transform((v) => v === "true")
  .optional();

/** A point in time given as a date string; years outside 1900–9999 are refused (422), not a database error. */
export const apiDate = z.coerce
  .date()
  .refine(
    (d) => d.getUTCFullYear() >= 1900 && d.getUTCFullYear() <= 9999,
    "must be a date between 1900 and 9999",
  );

/** Feature flags as Svix takes them: at most 25 names of letters, digits, '-', '_' and '.'. */
export const featureFlagList = z
  .array(
    z
      .string()
      .min(1)
      .max(256)
      .regex(/^[a-zA-Z0-9\-_.]+$/, "may contain only letters, digits, '-', '_' and '.'"),
  )
  .max(25)
  .refine((f) => new Set(f).size === f.length, "must not repeat a flag");
