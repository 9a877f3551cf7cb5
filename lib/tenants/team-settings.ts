import { z } from "zod";
import { ApiError, ValidationFailed } from "@/lib/api/errors";
import { canManageKeys } from "@/lib/auth/current-member";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { teamName } from "@/lib/schemas/auth";

const settingsIn = z.object({
  name: teamName,
  retentionDays: z.coerce.number().int("Whole days").min(1, "At least 1 day").max(90, "At most 90 days"),
  svixHeaders: z.boolean(),
});
export type TeamSettings = z.infer<typeof settingsIn>;

export async function teamSettings(tenantId: string): Promise<TeamSettings> {
  return db.tenant.findUniqueOrThrow({
    where: { id: tenantId },
    select: { name: true, retentionDays: true, svixHeaders: true },
  });
}

/** Saves the team's name, payload retention and Svix header names; owners and admins only. */
export async function saveTeamSettings(tenantId: string, role: Role, input: unknown): Promise<TeamSettings> {
  if (!canManageKeys(role))
    throw new ApiError(403, "forbidden", "Only owners and admins can change team settings.");
  const parsed = settingsIn.safeParse(input);
  if (!parsed.success)
    throw new ValidationFailed(
      parsed.error.issues.map((i) => ({ loc: i.path.map(String), msg: i.message, type: "value_error" })),
    );
  return db.tenant.update({
    where: { id: tenantId },
    data: parsed.data,
    select: { name: true, retentionDays: true, svixHeaders: true },
  });
}
