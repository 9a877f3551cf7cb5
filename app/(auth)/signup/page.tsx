import Link from "next/link";
import { signUpAction } from "@/app/(auth)/actions";
import { AuthShell } from "@/components/portal/auth-shell";
import { SignUpForm } from "@/components/portal/sign-up-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Create an account" };

export default function SignUpPage() {
  return (
    <AuthShell
      title="Create your Hookline account"
      footer={
        <>
          Already have one?{" "}
          <Link className="font-medium text-brand-600 dark:text-brand-300" href="/signin">
            Sign in
          </Link>
        </>
      }
    >
      <SignUpForm action={signUpAction} />
    </AuthShell>
  );
}
