// /api/auth/* — next-auth: sign-in (email + password, GitHub when configured), sign-out, session
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

type Ctx = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, ctx: Ctx): Promise<Response> {
  return NextAuth(req as never, ctx as never, authOptions());
}

export { handler as GET, handler as POST };
