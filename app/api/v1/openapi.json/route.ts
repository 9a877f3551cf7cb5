// GET /api/v1/openapi.json — the OpenAPI 3.1 document, generated from the zod schemas (no authentication)
import { json } from "@/lib/api/errors";
import { openApiDocument } from "@/lib/openapi/document";

export async function GET(req: Request): Promise<Response> {
  return json(openApiDocument(new URL(req.url).origin));
}
