import { randomUUID } from "node:crypto";
import { ZodError } from "zod";
import { isDatabaseUnavailable } from "@/lib/db/database-errors";
import { logger } from "@/lib/log/logger";
import { requestContext } from "@/lib/log/request-context";

/** The one error type domain code throws; `toErrorResponse` turns it into Svix's `{code, detail}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    /** Extra response headers (Retry-After on a 429). */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export const notFound = (what: string) => new ApiError(404, "not_found", `${what} not found`);
export const conflict = (detail: string) => new ApiError(409, "conflict", detail);
export const badRequest = (detail: string) => new ApiError(400, "bad_request", detail);

export interface ValidationProblem {
  loc: string[];
  msg: string;
  type: string;
}

/** A 422 in the shape of Svix's HTTPValidationError: `{detail: [{loc, msg, type}]}`. */
export class ValidationFailed extends Error {
  constructor(readonly problems: ValidationProblem[]) {
    super(problems.map((p) => `${p.loc.join(".")}: ${p.msg}`).join("; "));
  }
}

export function zodProblems(error: ZodError, where: "body" | "query" | "path"): ValidationProblem[] {
  return error.issues.map((issue) => ({
    loc: [where, ...issue.path.map(String)],
    msg: issue.message,
    type: `value_error.${issue.code}`,
  }));
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** Maps anything thrown in a handler to a JSON response; unknown errors are logged, never shown. */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof ApiError)
    return json({ code: error.code, detail: error.detail }, error.status, error.headers);
  if (error instanceof ValidationFailed) return json({ code: "validation", detail: error.problems }, 422);
  if (error instanceof ZodError) return json({ code: "validation", detail: zodProblems(error, "body") }, 422);
  if (isDatabaseUnavailable(error)) {
    logger().warn(
      { reqId: requestContext()?.requestId, reason: (error as Error).message.split("\n").at(-1) },
      "the database is unavailable",
    );
    return json(
      { code: "service_unavailable", detail: "The database is unavailable; retry in a moment" },
      503,
      { "retry-after": "1" },
    );
  }
  const requestId = requestContext()?.requestId ?? randomUUID();
  logger().error({ reqId: requestId, err: error }, "unhandled error");
  return json({ code: "internal_error", detail: `Internal server error (request id ${requestId})` }, 500);
}
