import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { ApiError, json, toErrorResponse } from "@/lib/api/errors";
import { readBodyBytes } from "@/lib/api/read-body";
import { db, pgPool } from "@/lib/db";
import { notify } from "@/lib/db/notifications";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";
import { newId } from "@/lib/ids";

/** The channel an inspector's new requests are announced on (payload: the inspector's id). */
export const INSPECTOR_CHANNEL = "hookline_inspector";
export const INSPECTOR_BODY_LIMIT = 1024 * 1024;
/** Requests an inspector keeps; older ones are dropped as new ones arrive. */
export const INSPECTOR_KEEPS = 1000;
/** Requests one inspector takes per window, whoever sends them. */
export const INSPECTOR_RATE = { points: 60, seconds: 10 };

let limiter: RateLimiterPostgres | undefined;
function rateLimiter(): RateLimiterPostgres {
  limiter ??= new RateLimiterPostgres({
    storeClient: pgPool(),
    tableName: "RateLimit",
    tableCreated: true,
    keyPrefix: "inspector",
    points: INSPECTOR_RATE.points,
    duration: INSPECTOR_RATE.seconds,
    clearExpiredByTimeout: true,
  });
  return limiter;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The body as text when it is UTF-8 PostgreSQL can store (no U+0000), else base64. */
function storedBody(bytes: Buffer): { body: string; bodyEncoding: "utf8" | "base64" } {
  try {
    const text = utf8.decode(bytes);
    if (!text.includes("\u0000")) return { body: text, bodyEncoding: "utf8" };
  } catch {
    // not UTF-8
  }
  return { body: bytes.toString("base64"), bodyEncoding: "base64" };
}

/**
 * Any request to `/in/<token>[/path]`: recorded (method, path, query, headers, body up to 1 MiB,
 * client address) and answered with the inspector's status. Unknown or expired tokens are a 404,
 * bodies over 1 MiB a 413, more than INSPECTOR_RATE per inspector a 429 with Retry-After.
 */
export async function receiveInspectorRequest(
  req: Request,
  token: string,
  rest: string[] = [],
): Promise<Response> {
  try {
    const inspector = await db.inspector.findUnique({
      where: { token },
      select: { id: true, responseStatus: true, expiresAt: true },
    });
    if (!inspector || inspector.expiresAt <= new Date())
      throw new ApiError(404, "not_found", "No inspector at this URL (it may have expired)");
    try {
      await rateLimiter().consume(inspector.id);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const wait = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw new ApiError(
        429,
        "rate_limited",
        `This inspector takes ${INSPECTOR_RATE.points} requests per ${INSPECTOR_RATE.seconds} seconds`,
        { "retry-after": String(wait) },
      );
    }
    const bytes = await readBodyBytes(req, INSPECTOR_BODY_LIMIT, 8 * INSPECTOR_BODY_LIMIT);
    const url = new URL(req.url);
    const headers = Object.fromEntries([...req.headers].filter(([name]) => name !== CLIENT_ADDRESS_HEADER));
    const id = newId("ireq");
    await db.inspectorRequest.create({
      data: {
        id,
        inspectorId: inspector.id,
        method: req.method,
        path: `/${rest.map(encodeURIComponent).join("/")}`,
        query: url.search.replace(/^\?/, ""),
        headers,
        ...storedBody(bytes),
        clientAddress: req.headers.get(CLIENT_ADDRESS_HEADER),
      },
      select: { id: true },
    });
    await db.$executeRaw`
      DELETE FROM "InspectorRequest"
       WHERE "inspectorId" = ${inspector.id}
         AND id < (SELECT id FROM "InspectorRequest" WHERE "inspectorId" = ${inspector.id}
                    ORDER BY id DESC OFFSET ${INSPECTOR_KEEPS - 1} LIMIT 1)`;
    await notify(INSPECTOR_CHANNEL, inspector.id).catch(() => undefined); // live views re-read anyway
    const status = inspector.responseStatus;
    if (req.method === "HEAD" || status === 204 || status === 205 || status === 304)
      return new Response(null, { status });
    return json({ received: true, id }, status);
  } catch (error) {
    return toErrorResponse(error);
  }
}
