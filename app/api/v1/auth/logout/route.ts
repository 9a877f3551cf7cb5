// POST /api/v1/auth/logout — end the app-portal token this request carries (not an API key)
import { toErrorResponse } from "@/lib/api/errors";
import { logoutPortalToken } from "@/lib/widget/logout-portal-token";

export async function POST(req: Request): Promise<Response> {
  try {
    await logoutPortalToken(req.headers.get("authorization"));
    return new Response(null, { status: 204 });
  } catch (error) {
    return toErrorResponse(error);
  }
}
