"use client";

import { Button } from "@/components/ui/button";

export function RevokeKeyButton({
  id,
  name,
  action,
}: {
  id: string;
  name: string;
  action: (form: FormData) => Promise<void>;
}) {
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(`Revoke “${name}”? Requests using it will fail at once.`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="danger" aria-label={`Revoke ${name}`}>
        Revoke
      </Button>
    </form>
  );
}
