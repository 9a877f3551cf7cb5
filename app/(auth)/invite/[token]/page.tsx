import Link from "next/link";
import { getServerSession } from "next-auth";
import { acceptAsNewUserAction, acceptAsUserAction } from "@/app/(auth)/invite/[token]/actions";
import { AuthShell } from "@/components/portal/auth-shell";
import { SignOutButton } from "@/components/portal/sign-out-button";
import { AcceptInvitationForm } from "@/components/team/accept-invitation-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";
import { findInvitation } from "@/lib/team/find-invitation";

export const dynamic = "force-dynamic";
export const metadata = { title: "Invitation", robots: { index: false } };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await findInvitation(token);
  if (!found.invitation) {
    return (
      <AuthShell title="Invitation" footer={<Link href="/signin">Sign in</Link>}>
        <Alert tone="error">{found.problem}</Alert>
      </AuthShell>
    );
  }
  const { invitation } = found;
  const session = await getServerSession(authOptions());
  const signedInAs = session?.user?.email?.toLowerCase();
  const title = `Join ${invitation.tenant.name} as ${invitation.role}`;
  const here = `/invite/${token}`;
  if (signedInAs) {
    return (
      <AuthShell title={title} footer={<SignOutButton />}>
        {signedInAs === invitation.email ? (
          <form
            action={async () => {
              "use server";
              await acceptAsUserAction(token);
            }}
          >
            <Button type="submit" className="w-full">
              Accept invitation
            </Button>
          </form>
        ) : (
          <Alert tone="error">
            This invitation is for {invitation.email}, and you are signed in as {signedInAs}. Sign out, then
            open the link again.
          </Alert>
        )}
      </AuthShell>
    );
  }
  const hasAccount = await db.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  return (
    <AuthShell title={title} footer={<>Invited as {invitation.email}</>}>
      {hasAccount ? (
        <Link
          className="block text-center font-medium text-brand-600 dark:text-brand-300"
          href={`/signin?callbackUrl=${encodeURIComponent(here)}`}
        >
          Sign in as {invitation.email} to accept
        </Link>
      ) : (
        <AcceptInvitationForm email={invitation.email} action={acceptAsNewUserAction.bind(null, token)} />
      )}
    </AuthShell>
  );
}
