import { z } from "zod";
import { apiDate, channel, eventTypeName } from "@/lib/schemas/common";

const limit = z.coerce.number().int().min(1).max(250).default(50);
const iterator = z.string().max(300).nullish();

export const pollQuery = z.object({
  limit,
  iterator,
  event_type: eventTypeName.nullish(),
  channel: channel.nullish(),
  after: apiDate.nullish(),
});

export const consumerPollQuery = z.object({ limit, iterator });

export const consumerId = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[a-zA-Z0-9\-_.]+$/, "may contain only letters, digits, '-', '_' and '.'");

export const consumerSeekIn = z.object({ after: apiDate });

export const pollingOut = z.object({
  data: z.array(z.record(z.string(), z.unknown())),
  iterator: z.string(),
  done: z.boolean(),
});
