import { z } from "zod";
import { applicationIn } from "@/lib/schemas/application";
import { apiDate, channel, eventTypeName } from "@/lib/schemas/common";

const unique = (list: string[] | null | undefined) => !list || new Set(list).size === list.length;

export const messageTag = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[a-zA-Z0-9\-_./\\#]+$/, "may contain only letters, digits and '-', '_', '.', '/', '\\', '#'");

/** Svix's MessageIn, field for field (see README for what Hookline does with each). */
export const messageIn = z
  .object({
    eventType: eventTypeName,
    eventId: z
      .string()
      .min(1)
      .max(256)
      .regex(/^[a-zA-Z0-9\-_.]+$/, "may contain only letters, digits, '-', '_' and '.'")
      .nullish(),
    payload: z.record(z.string(), z.unknown()),
    channels: z.array(channel).min(1).max(10).refine(unique, "must not repeat a channel").nullish(),
    tags: z.array(messageTag).max(5).refine(unique, "must not repeat a tag").nullish(),
    // Creates the application (uid: the one in the path unless given) when the path names none.
    application: applicationIn.nullish(),
    // Non-JSON bodies: the SDK's messageInRaw() sends `{rawPayload, headers: {content-type}}`.
    transformationsParams: z
      .looseObject({
        rawPayload: z.string().nullish(),
        headers: z.record(z.string(), z.string()).nullish(),
      })
      .nullish(),
    deliverAt: apiDate.nullish(),
    payloadRetentionPeriod: z.number().int().min(1).max(90).nullish(),
    payloadRetentionHours: z.number().int().min(1).max(2160).nullish(),
  })
  .refine((m) => m.payloadRetentionPeriod == null || m.payloadRetentionHours == null, {
    message: "payloadRetentionPeriod and payloadRetentionHours are mutually exclusive",
    path: ["payloadRetentionHours"],
  });
export type MessageIn = z.infer<typeof messageIn>;

export const messagePrecheckIn = z.object({
  eventType: eventTypeName,
  channels: z.array(channel).min(1).max(10).nullish(),
});

export const messageOut = z.object({
  id: z.string(),
  eventType: z.string(),
  eventId: z.string().nullable(),
  payload: z.unknown(),
  channels: z.array(z.string()).nullable(),
  tags: z.array(z.string()).nullable(),
  timestamp: z.string(),
  deliverAt: z.string().nullable().optional(),
  expunged: z.boolean().optional(),
  expungedAt: z.string().optional(),
});
export type MessageOut = z.infer<typeof messageOut>;

const csv = z
  .string()
  .transform((v) => v.split(",").filter(Boolean))
  .optional();

const date = apiDate.optional();

/** Filters shared by the message and attempt lists. */
export const messageFilters = z.object({
  event_types: csv,
  channel: channel.optional(),
  tag: z.string().max(128).optional(),
  before: date,
  after: date,
  with_content: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .default(true),
});

export const eventExampleIn = z.object({
  eventType: eventTypeName,
  exampleIndex: z.number().int().min(0).max(100).default(0),
});

export const recoverIn = z.object({
  since: apiDate,
  until: apiDate.nullish(),
});

/** Svix's BulkReplayIn: a window and the filters the deliveries to send again must match. */
export const bulkReplayIn = recoverIn.extend({
  eventTypes: z.array(eventTypeName).max(100).refine(unique, "must not repeat an event type").nullish(),
  channel: channel.nullish(),
  tag: messageTag.nullish(),
  status: z.number().int().min(0).max(4).nullish(),
  statusCodeClass: z
    .number()
    .int()
    .refine((v) => [0, 100, 200, 300, 400, 500].includes(v), "must be 0, 100, 200, 300, 400 or 500")
    .nullish(),
});

/** Svix's BulkExpungeContentsIn: message ids or eventIds (up to 1,000). */
export const bulkExpungeIn = z.object({
  ids: z
    .array(
      z
        .string()
        .min(1)
        .max(256)
        .regex(/^[a-zA-Z0-9\-_.]+$/, "must be a message id or eventId"),
    )
    .max(1000)
    .refine(unique, "must not repeat an id")
    .default([]),
});
