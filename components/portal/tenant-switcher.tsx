import { PopoverMenu } from "@/components/ui/popover-menu";
import type { CurrentMember } from "@/lib/auth/current-member";

/** The team menu: switch to another team, or start a new one (`switchTenant`, `createTenant`). */
export function TenantSwitcher({
  member,
  switchTenant,
  createTenant,
}: {
  member: CurrentMember;
  switchTenant: (form: FormData) => Promise<void>;
  createTenant: (form: FormData) => Promise<void>;
}) {
  return (
    <PopoverMenu
      summary={
        <>
          <span className="sr-only">Current team: </span>
          <span className="max-w-[9rem] truncate">{member.tenant.name}</span> <span aria-hidden>▾</span>
        </>
      }
    >
      <p className="text-xs font-medium uppercase text-zinc-500 dark:text-zinc-400">Teams</p>
      {member.tenants.map((t) => (
        <form key={t.id} action={switchTenant}>
          <input type="hidden" name="tenantId" value={t.id} />
          <button
            type="submit"
            className="flex w-full justify-between rounded px-2 py-1 text-left text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
            aria-current={t.id === member.tenant.id ? "true" : undefined}
          >
            <span>{t.name}</span>
            <span className="text-xs text-zinc-500 dark:text-zinc-400">{t.role}</span>
          </button>
        </form>
      ))}
      <form action={createTenant} className="flex gap-2 border-t border-zinc-200 pt-2 dark:border-zinc-800">
        <label htmlFor="new-team" className="sr-only">
          New team name
        </label>
        <input
          id="new-team"
          name="name"
          required
          maxLength={100}
          placeholder="New team"
          className="w-full rounded border border-zinc-300 px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-950"
        />
        <button type="submit" className="rounded bg-brand-600 px-2 py-1 text-sm text-white">
          Add
        </button>
      </form>
    </PopoverMenu>
  );
}
