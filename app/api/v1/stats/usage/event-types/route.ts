// PUT /api/v1/stats/usage/event-types — event types sent in the last 30 days, with counts (a background task)
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { serializeTask } from "@/lib/tasks/background-task";
import { startEventTypeAggregate } from "@/lib/tasks/start-tasks";

export const PUT = apiHandler(async (ctx) =>
  json(serializeTask(await startEventTypeAggregate(ctx.tenantId)), 202),
);
