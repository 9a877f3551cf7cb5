import Link from "next/link";
import { confirmSignUpAction } from "@/app/(auth)/actions";
import { AuthShell } from "@/components/portal/auth-shell";
import { ConfirmSignUpForm } from "@/components/portal/confirm-sign-up-form";
import { Alert } from "@/components/ui/alert";
import { findSignUpRequest } from "@/lib/tenants/sign-up-request";

export const dynamic = "force-dynamic";
export const metadata = { title: "Confirm your email", robots: { index: false } };

// Opening the link changes nothing (mail scanners open links too): the button does.
export default async function ConfirmSignUpPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await findSignUpRequest(token);
  if (!found.request)
    return (
      <AuthShell title="Confirm your email" footer={<Link href="/signup">Sign up</Link>}>
        <Alert tone="error">{found.problem}</Alert>
      </AuthShell>
    );
  return (
    <AuthShell title="Confirm your email" footer={<>Signing up as {found.request.email}</>}>
      <ConfirmSignUpForm action={confirmSignUpAction.bind(null, token)} />
    </AuthShell>
  );
}
