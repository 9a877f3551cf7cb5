// GET /api/v1/health — liveness and database reachability (no authentication)
import { json } from "@/lib/api/errors";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    await db.$queryRaw`SELECT 1`;
    return new Response(null, { status: 204 });
  } catch {
    return json({ code: "unavailable", detail: "Database is unreachable" }, 503);
  }
}
