import {
  changeRoleAction,
  inviteAction,
  removeMemberAction,
  revokeInvitationAction,
} from "@/app/(portal)/team/actions";
import { InviteForm } from "@/components/team/invite-form";
import { MemberControls } from "@/components/team/member-controls";
import { Card } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { RelativeTime } from "@/components/ui/relative-time";
import { canManageKeys, currentMember } from "@/lib/auth/current-member";
import { listTeam } from "@/lib/team/list-team";

export const metadata = { title: "Team" };

export default async function TeamPage() {
  const member = await currentMember();
  const { members, invitations } = await listTeam(member.tenant.id);
  const manages = canManageKeys(member.role);
  // Admins hand out admin and member; only owners make owners.
  const roles = member.role === "owner" ? ["owner", "admin", "member"] : ["admin", "member"];
  // A team always keeps an owner: the sole owner is neither removable nor demotable here.
  const owners = members.filter((m) => m.role === "owner").length;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Team · {member.tenant.name}</h1>
      <Card title="Members">
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {members.map((m) => (
            <li key={m.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div className="min-w-0">
                <p className="font-medium">
                  {m.user.name || m.user.email}
                  {m.user.id === member.user.id ? (
                    <span className="text-zinc-500 dark:text-zinc-400"> (you)</span>
                  ) : null}
                </p>
                <p className="text-xs text-zinc-500 dark:text-zinc-400">
                  {m.user.email} · joined <RelativeTime iso={m.createdAt.toISOString()} />
                </p>
              </div>
              {manages && (member.role === "owner" || m.role !== "owner") ? (
                <MemberControls
                  email={m.user.email}
                  role={m.role}
                  roles={roles.includes(m.role) ? roles : [m.role, ...roles]}
                  changeRole={async (role: string) => {
                    "use server";
                    return changeRoleAction(m.id, role as "owner" | "admin" | "member");
                  }}
                  remove={
                    m.role === "owner" && owners === 1 ? undefined : removeMemberAction.bind(null, m.id)
                  }
                  soleOwner={m.role === "owner" && owners === 1}
                />
              ) : (
                <span className="rounded bg-zinc-100 px-2 py-0.5 text-xs font-medium dark:bg-zinc-800">
                  {m.role}
                </span>
              )}
            </li>
          ))}
        </ul>
      </Card>
      {manages ? (
        <>
          <Card title="Invite someone">
            <InviteForm action={inviteAction} roles={roles} />
          </Card>
          <Card title="Open invitations">
            {invitations.length === 0 ? (
              <p className="text-sm text-zinc-500 dark:text-zinc-400">No open invitations.</p>
            ) : (
              <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
                {invitations.map((inv) => (
                  <li key={inv.id} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
                    <span>
                      {inv.email} as {inv.role} · expires <RelativeTime iso={inv.expiresAt.toISOString()} />
                    </span>
                    <ConfirmButton
                      action={async () => {
                        "use server";
                        await revokeInvitationAction(inv.id);
                      }}
                      label="Revoke"
                      confirmLabel="Yes, revoke"
                      question={`Revoke the invitation for ${inv.email}?`}
                    />
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </>
      ) : (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          Owners and admins invite people and change roles.
        </p>
      )}
    </div>
  );
}
