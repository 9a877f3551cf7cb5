"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function ConfirmSignUpForm({ action }: { action: () => Promise<{ error?: string }> }) {
  const [state, formAction, pending] = useActionState(async () => action(), {});
  return (
    <form action={formAction} className="space-y-4">
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Confirm and create my account"}
      </Button>
    </form>
  );
}
