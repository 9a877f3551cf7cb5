import { z } from "zod";
import { listQuery } from "@/lib/api/pagination";
import { apiDate } from "@/lib/schemas/common";
import { TASK_TYPES } from "@/lib/tasks/background-task";

export const backgroundTaskQuery = listQuery().extend({
  status: z.enum(["running", "finished", "failed"]).optional(),
  task: z.enum(TASK_TYPES).optional(),
});

export const appUsageStatsIn = z.object({
  since: apiDate,
  until: apiDate,
  appIds: z.array(z.string().min(1).max(256)).max(1000).nullish(),
});

export const backgroundTaskOut = z.object({
  id: z.string(),
  status: z.enum(["running", "finished", "failed"]),
  task: z.enum(TASK_TYPES),
  data: z.record(z.string(), z.unknown()),
  updatedAt: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.string().optional(),
});
