// GET/POST/PUT /api/inngest — Inngest calls Hookline's delivery functions here (JOBS_DRIVER=inngest only)
import { serve } from "inngest/next";
import { json } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { inngest } from "@/lib/jobs/inngest/client";
import { functions } from "@/lib/jobs/inngest/functions";

type Handler = (req: Request, ctx: unknown) => Promise<Response>;
let handlers: { GET: Handler; POST: Handler; PUT: Handler } | null = null;

function route(method: "GET" | "POST" | "PUT"): Handler {
  return async (req, ctx) => {
    if (env().JOBS_DRIVER !== "inngest") {
      return json(
        { code: "not_found", detail: "The Inngest driver is not enabled (JOBS_DRIVER=inngest)" },
        404,
      );
    }
    handlers ??= serve({ client: inngest, functions }) as unknown as typeof handlers;
    return handlers![method](req, ctx);
  };
}

export const GET = route("GET");
export const POST = route("POST");
export const PUT = route("PUT");
