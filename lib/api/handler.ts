import type { z } from "zod";
import { authenticate } from "@/lib/api/authenticate";
import { ApiError, toErrorResponse, ValidationFailed, zodProblems } from "@/lib/api/errors";
import {
  type IdempotencyClaim,
  idempotencyClaim,
  type ReplayPolicy,
  withIdempotency,
} from "@/lib/api/idempotency";
import { readBody } from "@/lib/api/read-body";
import { spendApiRequest } from "@/lib/api/reserved-limiter";
import { storableJsonProblem } from "@/lib/api/storable-json";
import { findApplication } from "@/lib/applications/find-application";
import { env } from "@/lib/env";
import { requestContext } from "@/lib/log/request-context";

export interface ApiContext<P> {
  req: Request;
  tenantId: string;
  params: P;
  url: URL;
  /** The JSON body, parsed and validated (400 if not JSON, 422 if it does not fit `schema`). */
  body<S extends z.ZodType>(schema: S): z.infer<S>;
  /** Query parameters, validated (422 on bad values). */
  query<S extends z.ZodType>(schema: S): z.infer<S>;
  /**
   * The request's Idempotency-Key, for routes whose policy is `atomic`: the domain call records it
   * in the transaction of its effect (recordIdempotencyKey). Null without a key.
   */
  idempotency: IdempotencyClaim | null;
}

export interface HandlerOptions<P> {
  /** How a POST repeated with the same Idempotency-Key is answered (default: the stored response). */
  idempotency?: ReplayPolicy | ((ctx: ApiContext<P>) => ReplayPolicy);
}

type RouteContext<P> = { params: Promise<P> };

/**
 * Wraps a REST API v1 route handler: API-key authentication, body size limit, JSON parsing,
 * Idempotency-Key for POSTs, and every error mapped to a JSON response.
 */
export function apiHandler<P = Record<string, never>>(
  handler: (ctx: ApiContext<P>) => Promise<Response>,
  options: HandlerOptions<P> = {},
) {
  return async (req: Request, route: RouteContext<P>): Promise<Response> => {
    try {
      const caller = await authenticate(req);
      const { tenantId } = caller;
      // The request's log line names the tenant from here on.
      const context = requestContext();
      if (context) context.tenantId = tenantId;
      await spendApiRequest(caller.apiKeyId);
      const params = (await route?.params) ?? ({} as P);
      if (caller.onlyApplicationId)
        await checkIntegrationScope(req, tenantId, caller.onlyApplicationId, params);
      const rawBody =
        req.method === "GET" || req.method === "HEAD" ? "" : await readBody(req, env().API_MAX_BODY_BYTES);
      const url = new URL(req.url);
      // Ids and query values reach SQL as text, which cannot hold U+0000: refuse them up front.
      const unstorable =
        storableJsonProblem(params, ["path"]) ??
        storableJsonProblem(Object.fromEntries(url.searchParams), ["query"]);
      if (unstorable) throw new ValidationFailed([unstorable]);
      const key = req.method === "POST" ? req.headers.get("idempotency-key") : null;
      const claim = key
        ? idempotencyClaim(tenantId, key, {
            method: req.method,
            path: url.pathname + url.search,
            body: rawBody,
          })
        : null;
      const ctx: ApiContext<P> = {
        req,
        tenantId,
        params,
        url,
        body: (schema) => parseWith(schema, parseJson(rawBody), "body"),
        query: (schema) => parseWith(schema, Object.fromEntries(url.searchParams), "query"),
        idempotency: null,
      };
      if (claim) {
        const chosen = options.idempotency ?? { kind: "store" };
        const policy = typeof chosen === "function" ? chosen(ctx) : chosen;
        if (policy.kind === "atomic") ctx.idempotency = claim;
        return await withIdempotency(claim, policy, () => handler(ctx));
      }
      return await handler(ctx);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

/** Integration keys: only `/api/v1/app/{their app}/endpoint…`, as Svix scopes them. */
async function checkIntegrationScope(req: Request, tenantId: string, applicationId: string, params: unknown) {
  const appRef = (params as { app_id?: string }).app_id;
  const inScope =
    appRef !== undefined &&
    /^\/api\/v1\/app\/[^/]+\/endpoint(\/|$)/.test(new URL(req.url).pathname) &&
    (await findApplication(tenantId, appRef).then(
      (app) => app.id === applicationId,
      () => false,
    ));
  if (!inScope)
    throw new ApiError(
      403,
      "forbidden",
      "An integration key may only manage the endpoints of its application",
    );
}

function parseJson(raw: string): unknown {
  if (raw.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new ApiError(400, "invalid_json", "Request body is not valid JSON");
  }
  const problem = storableJsonProblem(value);
  if (problem) throw new ValidationFailed([problem]);
  return value;
}

function parseWith<S extends z.ZodType>(schema: S, input: unknown, where: "body" | "query"): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationFailed(zodProblems(result.error, where));
  return result.data;
}
