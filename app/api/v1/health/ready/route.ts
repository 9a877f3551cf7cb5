// GET /api/v1/health/ready — readiness: database, this process's workers, queue lag (503 when it cannot deliver)
import { json } from "@/lib/api/errors";
import { readiness } from "@/lib/health/readiness";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const report = await readiness();
  return json(report, report.status === "ready" ? 200 : 503, { "cache-control": "no-store" });
}
