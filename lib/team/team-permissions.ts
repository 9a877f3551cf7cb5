import { ApiError } from "@/lib/api/errors";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Who may change whom. Owners manage everyone; admins manage admins and members but never
 * owners, and cannot make owners; members manage no one. Thrown as 403 so actions can show it.
 */
export function assertCanManage(actor: Role, target?: Role, newRole?: Role): void {
  const forbidden = (detail: string) => new ApiError(403, "forbidden", detail);
  if (actor === "member") throw forbidden("Only owners and admins can manage the team.");
  if (actor === "admin" && (target === "owner" || newRole === "owner")) {
    throw forbidden("Only owners can manage owners.");
  }
}
