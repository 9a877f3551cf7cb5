// POST /api/v1/app/{app_id}/msg/expunge-all-contents — expunge every payload of the application (a background task)
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { serializeTask } from "@/lib/tasks/background-task";
import { startExpungeAllContents } from "@/lib/tasks/start-tasks";

type Params = { app_id: string };

export const POST = apiHandler<Params>(async (ctx) =>
  json(serializeTask(await startExpungeAllContents(ctx.tenantId, ctx.params.app_id)), 202),
);
