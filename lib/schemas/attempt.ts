import { z } from "zod";
import { listQuery } from "@/lib/api/pagination";
import { apiDate, booleanQuery, channel, eventTypeName } from "@/lib/schemas/common";

/** A comma-separated list, as the svix SDK sends arrays in a query. */
const csv = (item: z.ZodType<string, string>) =>
  z
    .string()
    .transform((v) => v.split(",").filter(Boolean))
    .pipe(z.array(item).max(100))
    .optional();

/** Svix's MessageStatus: 0 success, 1 pending, 2 fail, 3 sending, 4 canceled. */
const messageStatus = z.coerce.number().int().min(0).max(4).optional();

/** Every filter of Svix's attempt lists (`expanded_statuses` is accepted and has no effect). */
export const attemptListQuery = listQuery().extend({
  status: messageStatus,
  // 0: no HTTP response (timeout, refused, blocked); 100–500: that class of status codes.
  status_code_class: z.coerce
    .number()
    .int()
    .refine((v) => [0, 100, 200, 300, 400, 500].includes(v), "must be 0, 100, 200, 300, 400 or 500")
    .optional(),
  event_types: csv(eventTypeName),
  channel: channel.optional(),
  tag: z.string().max(128).optional(),
  endpoint_id: z.string().max(300).optional(),
  before: apiDate.optional(),
  after: apiDate.optional(),
  with_content: booleanQuery.default(true),
  with_msg: booleanQuery.default(false),
  expanded_statuses: booleanQuery,
});
export type AttemptListQuery = z.infer<typeof attemptListQuery>;

/** The filters of `GET /app/{app_id}/endpoint/{endpoint_id}/msg` (messages attempted there). */
export const endpointMessagesQuery = listQuery().extend({
  status: messageStatus,
  event_types: csv(eventTypeName),
  channel: channel.optional(),
  tag: z.string().max(128).optional(),
  before: apiDate.optional(),
  after: apiDate.optional(),
  with_content: booleanQuery.default(true),
  expanded_statuses: booleanQuery,
});
