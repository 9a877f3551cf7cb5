import Link from "next/link";
import { Suspense } from "react";
import { AuthShell } from "@/components/portal/auth-shell";
import { SignInForm } from "@/components/portal/sign-in-form";
import { githubEnabled } from "@/lib/auth/options";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in" };

export default function SignInPage() {
  return (
    <AuthShell
      title="Sign in to your account"
      footer={
        <>
          New here?{" "}
          <Link className="font-medium text-brand-600 dark:text-brand-300" href="/signup">
            Create an account
          </Link>
        </>
      }
    >
      <Suspense>
        <SignInForm github={githubEnabled()} />
      </Suspense>
    </AuthShell>
  );
}
