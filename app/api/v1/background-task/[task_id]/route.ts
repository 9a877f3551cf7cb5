// GET /api/v1/background-task/{task_id} — one background task: status, progress and result in `data`
import { json } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { findTask, serializeTask } from "@/lib/tasks/background-task";

type Params = { task_id: string };

export const GET = apiHandler<Params>(async ({ tenantId, params }) =>
  json(serializeTask(await findTask(tenantId, params.task_id))),
);
