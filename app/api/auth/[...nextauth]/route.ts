// /api/auth/* — next-auth: sign-in (email + password, GitHub when configured), sign-out, session
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { signInBlockedFor } from "@/lib/auth/rate-limits";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";

type Ctx = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, ctx: Ctx): Promise<Response> {
  if (req.method === "POST" && (await ctx.params).nextauth.join("/") === "callback/credentials") {
    const locked = await lockedOut(req);
    if (locked) return locked;
  }
  return NextAuth(req as never, ctx as never, authOptions());
}

/**
 * A password sign-in for an account, or from an address, past its failed attempts
 * (lib/auth/rate-limits.ts) is a 429 with Retry-After, whatever the password: next-auth's
 * client reads `url`'s `error` and the status.
 */
async function lockedOut(req: Request): Promise<Response | null> {
  const form = await req
    .clone()
    .formData()
    .catch(() => null);
  const email = String(form?.get("email") ?? "");
  const wait = email
    ? await signInBlockedFor({ email, address: req.headers.get(CLIENT_ADDRESS_HEADER) })
    : null;
  if (wait === null) return null;
  const url = new URL(`/signin?error=TooManyAttempts&retryAfter=${wait}`, req.url).toString();
  return Response.json(
    {
      url,
      code: "too_many_attempts",
      detail: `Too many failed sign-ins; try again in ${wait} s.`,
    },
    { status: 429, headers: { "Retry-After": String(wait) } },
  );
}

export { handler as GET, handler as POST };
