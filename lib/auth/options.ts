import { PrismaAdapter } from "@auth/prisma-adapter";
import type { AuthOptions } from "next-auth";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { clearSignInFailures, recordFailedSignIn } from "@/lib/auth/rate-limits";
import { db } from "@/lib/db";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";
import { newId } from "@/lib/ids";
import { verifyPassword } from "@/lib/tenants/sign-up";

/** OAuth sign-ups get a prefixed id and, like password sign-ups, a tenant of their own. */
function adapter(): Adapter {
  const base = PrismaAdapter(db as never) as unknown as Adapter;
  return {
    ...base,
    async createUser(data: Omit<AdapterUser, "id">) {
      const userId = newId("user");
      const tenantId = newId("org");
      const [user] = await db.$transaction([
        db.user.create({
          data: {
            id: userId,
            email: data.email.toLowerCase(),
            name: data.name ?? null,
            image: data.image ?? null,
            emailVerified: data.emailVerified,
          },
        }),
        db.tenant.create({
          data: { id: tenantId, name: `${data.name ?? data.email.split("@")[0]}'s team` },
          select: { id: true },
        }),
        db.membership.create({
          data: { id: newId("mem"), userId, tenantId, role: "owner" },
          select: { id: true },
        }),
      ]);
      return {
        id: user.id,
        email: user.email,
        name: user.name,
        image: user.image,
        emailVerified: user.emailVerified,
      };
    },
  };
}

export function authOptions(): AuthOptions {
  const github =
    process.env.GITHUB_ID && process.env.GITHUB_SECRET
      ? [GitHubProvider({ clientId: process.env.GITHUB_ID, clientSecret: process.env.GITHUB_SECRET })]
      : [];
  return {
    adapter: adapter(),
    secret: process.env.NEXTAUTH_SECRET,
    // Credentials sign-in only works with JWT sessions; the JWT carries the user id alone.
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, req) {
          if (!credentials?.email || !credentials.password) return null;
          // The route refuses a locked account or address before this runs (app/api/auth/[...nextauth]).
          const user = await verifyPassword(credentials.email, credentials.password);
          if (user) await clearSignInFailures(credentials.email);
          else {
            const address = (req?.headers as Record<string, string> | undefined)?.[CLIENT_ADDRESS_HEADER];
            await recordFailedSignIn({ email: credentials.email, address });
          }
          return user;
        },
      }),
      ...github,
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
}

export const githubEnabled = () => Boolean(process.env.GITHUB_ID && process.env.GITHUB_SECRET);
