import { z } from "zod";
import { apiDate, channel, eventTypeName } from "@/lib/schemas/common";

export const messageIn = z.object({
  eventType: eventTypeName,
  eventId: z.string().min(1).max(256).nullish(),
  payload: z.record(z.string(), z.unknown()),
  channels: z.array(channel).max(10).nullish(),
  tags: z.array(z.string().min(1).max(128)).max(5).nullish(),
});
export type MessageIn = z.infer<typeof messageIn>;

export const messageOut = z.object({
  id: z.string(),
  eventType: z.string(),
  eventId: z.string().nullable(),
  payload: z.unknown(),
  channels: z.array(z.string()).nullable(),
  tags: z.array(z.string()).nullable(),
  timestamp: z.string(),
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
