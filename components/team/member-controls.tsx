"use client";

import { useState, useTransition } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";

/** Role picker and removal for one member; the server decides whether the change is allowed. */
export function MemberControls({
  email,
  role,
  roles,
  changeRole,
  remove,
  soleOwner = false,
}: {
  email: string;
  role: string;
  roles: string[];
  changeRole: (role: string) => Promise<{ error?: string }>;
  /** Absent for the sole owner: a team always keeps one. */
  remove?: () => Promise<{ error?: string }>;
  soleOwner?: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <label className="sr-only" htmlFor={`role-${email}`}>
        Role of {email}
      </label>
      <select
        id={`role-${email}`}
        defaultValue={role}
        disabled={pending || soleOwner}
        title={soleOwner ? "The team's only owner: make someone else owner first" : undefined}
        onChange={(e) =>
          start(async () => {
            const result = await changeRole(e.target.value);
            setError(result.error ?? null);
          })
        }
        className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      >
        {roles.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      {remove ? (
        <ConfirmButton
          action={async () => {
            const result = await remove();
            setError(result.error ?? null);
          }}
          label="Remove"
          confirmLabel="Yes, remove"
          question={`Remove ${email} from the team?`}
        />
      ) : (
        <span className="text-xs text-zinc-500 dark:text-zinc-400">Only owner</span>
      )}
      {error ? (
        <p role="alert" className="w-full text-right text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
