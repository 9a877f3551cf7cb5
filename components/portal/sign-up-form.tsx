"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useActionState, useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { SignUpState } from "@/lib/tenants/sign-up-state";

export function SignUpForm({
  action,
}: {
  action: (prev: SignUpState, form: FormData) => Promise<SignUpState>;
}) {
  const router = useRouter();
  const credentials = useRef<{ email: string; password: string } | null>(null);
  const [state, formAction, pending] = useActionState(
    async (prev: SignUpState, form: FormData) => {
      credentials.current = { email: String(form.get("email")), password: String(form.get("password")) };
      return action(prev, form);
    },
    { ok: false },
  );

  useEffect(() => {
    if (!state.ok || state.checkInbox || !credentials.current) return;
    void signIn("credentials", { ...credentials.current, redirect: false }).then((r) => {
      router.push(r?.ok ? "/dashboard" : "/signin");
    });
  }, [state.ok, state.checkInbox, router]);

  const errors = state.fieldErrors ?? {};
  if (state.checkInbox)
    return (
      <Alert tone="success">
        <p className="font-medium">Check your inbox</p>
        <p className="mt-1">
          We sent a message to {state.checkInbox}. Follow its link to finish (it works for 24 hours). Nothing
          there after a few minutes? Look in your spam folder, or sign up again.
        </p>
      </Alert>
    );
  return (
    <form key={JSON.stringify(state.values ?? null)} action={formAction} className="space-y-4">
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      {state.ok ? <Alert tone="success">Account created. Signing you in…</Alert> : null}
      <Field
        id="name"
        name="name"
        label="Your name"
        autoComplete="name"
        defaultValue={state.values?.name}
        error={errors.name}
      />
      <Field
        id="tenantName"
        name="tenantName"
        label="Company or team"
        hint="You can rename it later."
        defaultValue={state.values?.tenantName}
        error={errors.tenantName}
      />
      <Field
        id="email"
        name="email"
        type="email"
        label="Email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={errors.email}
      />
      <Field
        id="password"
        name="password"
        type="password"
        label="Password"
        autoComplete="new-password"
        hint="At least 10 characters."
        required
        minLength={10}
        error={errors.password}
      />
      <Button type="submit" className="w-full" disabled={pending || state.ok}>
        {pending ? "Creating account…" : "Create account"}
      </Button>
    </form>
  );
}
