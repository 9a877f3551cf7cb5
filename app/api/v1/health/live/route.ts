// GET /api/v1/health/live — liveness: the process answers (no database, no authentication)
import { json } from "@/lib/api/errors";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return json({ status: "alive" });
}
