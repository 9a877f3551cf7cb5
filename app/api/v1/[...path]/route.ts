// Any other /api/v1 path — a JSON 404 rather than an HTML page
import { json } from "@/lib/api/errors";

function notFound(req: Request): Response {
  return json(
    { code: "not_found", detail: `No API route for ${req.method} ${new URL(req.url).pathname}` },
    404,
  );
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
