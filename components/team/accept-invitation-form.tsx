"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useActionState, useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { AcceptState } from "@/lib/team/accept-state";

/** Creates the invited account (email fixed by the invitation), then signs in. */
export function AcceptInvitationForm({
  email,
  action,
}: {
  email: string;
  action: (prev: AcceptState, form: FormData) => Promise<AcceptState>;
}) {
  const router = useRouter();
  const password = useRef("");
  const [state, formAction, pending] = useActionState(async (prev: AcceptState, form: FormData) => {
    password.current = String(form.get("password"));
    return action(prev, form);
  }, {});
  useEffect(() => {
    if (!state.ok) return;
    void signIn("credentials", { email, password: password.current, redirect: false }).then((r) =>
      router.push(r?.ok ? "/dashboard" : "/signin"),
    );
  }, [state.ok, email, router]);
  return (
    <form action={formAction} className="space-y-4">
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      {state.ok ? <Alert tone="success">Welcome aboard. Signing you in…</Alert> : null}
      <Field id="invite-account-email" label="Email" value={email} readOnly />
      <Field id="invite-name" name="name" label="Your name" autoComplete="name" />
      <Field
        id="invite-password"
        name="password"
        type="password"
        label="Choose a password"
        autoComplete="new-password"
        required
        error={state.fieldErrors?.password}
      />
      <Button type="submit" className="w-full" disabled={pending || state.ok}>
        {pending ? "Joining…" : "Create account and join"}
      </Button>
    </form>
  );
}
