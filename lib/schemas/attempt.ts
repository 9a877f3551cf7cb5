import { z } from "zod";
import { listQuery } from "@/lib/api/pagination";
import { apiDate } from "@/lib/schemas/common";

export const attemptListQuery = listQuery().extend({
  status: z.coerce.number().int().min(0).max(4).optional(),
  endpoint_id: z.string().max(300).optional(),
  before: apiDate.optional(),
  after: apiDate.optional(),
});
