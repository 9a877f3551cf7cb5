"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { safeCallbackPath } from "@/lib/auth/safe-callback";

export function SignInForm({ github }: { github: boolean }) {
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(
    params.get("error") ? "Sign-in failed. Try again." : null,
  );
  const [pending, setPending] = useState(false);
  // Arriving from a confirmed sign-up link (SMTP_URL set): the account exists now.
  const confirmed = params.get("confirmed") === "1";
  const email = params.get("email") ?? undefined;
  // Only ever a path on this site (lib/auth/safe-callback.ts): never a way to send people away.
  const callbackUrl = safeCallbackPath(params.get("callbackUrl"));

  return (
    <div className="space-y-4">
      <form
        className="space-y-4"
        onSubmit={async (event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          setPending(true);
          setError(null);
          const result = await signIn("credentials", {
            email: String(form.get("email")),
            password: String(form.get("password")),
            redirect: false,
          });
          setPending(false);
          if (result?.ok) router.push(callbackUrl);
          else if (result?.status === 429)
            setError("Too many failed sign-ins. Wait a few minutes, then try again.");
          else setError("That email and password do not match an account.");
        }}
      >
        {error ? <Alert tone="error">{error}</Alert> : null}
        {confirmed && !error ? (
          <Alert tone="success">Your email is confirmed and your account is ready: sign in.</Alert>
        ) : null}
        <Field
          id="email"
          name="email"
          type="email"
          label="Email"
          autoComplete="email"
          required
          defaultValue={email}
        />
        <Field
          id="password"
          name="password"
          type="password"
          label="Password"
          autoComplete="current-password"
          required
        />
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {github ? (
        <Button
          type="button"
          variant="secondary"
          className="w-full"
          onClick={() => signIn("github", { callbackUrl })}
        >
          Continue with GitHub
        </Button>
      ) : null}
    </div>
  );
}
