import { conflict } from "@/lib/api/errors";
import { hashPassword, NO_USER_HASH, needsRehash, passwordMatches } from "@/lib/auth/passwords";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";

/** Creates a user with a password and a new tenant they own. A taken email is a 409. */
export async function signUp(input: { email: string; password: string; name?: string; tenantName?: string }) {
  const email = input.email.trim().toLowerCase();
  // Checked before hashing: a taken email costs no hashing work.
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw taken();
  return createAccount({ ...input, email, passwordHash: await hashPassword(input.password) });
}

/** The user, their tenant and the owner membership, in one transaction; 409 when the email is taken. */
export async function createAccount(input: {
  email: string;
  passwordHash: string;
  name?: string | null;
  tenantName?: string | null;
}) {
  const { email, passwordHash } = input;
  const userId = newId("user");
  const tenantId = newId("org");
  await db
    .$transaction([
      db.user.create({
        data: { id: userId, email, name: input.name ?? null, passwordHash },
        select: { id: true },
      }),
      db.tenant.create({
        data: {
          id: tenantId,
          name: input.tenantName?.trim() || `${input.name?.trim() || email.split("@")[0]}'s team`,
        },
        select: { id: true },
      }),
      db.membership.create({
        data: { id: newId("mem"), userId, tenantId, role: "owner" },
        select: { id: true },
      }),
    ])
    .catch((error: unknown) => {
      // The same email signed up at the same moment: the unique index decides.
      throw (error as { code?: string }).code === "P2002" ? taken() : error;
    });
  return { userId, tenantId, email };
}

const taken = () => conflict("An account with this email already exists");

export async function verifyPassword(email: string, password: string) {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  // Compare against a dummy hash when there is no user, so timing does not reveal which emails exist.
  const hash = user?.passwordHash ?? NO_USER_HASH;
  const ok = await passwordMatches(password, hash);
  if (!ok || !user?.passwordHash) return null;
  // A hash from before (bcrypt, older parameters) is replaced now that the password is at hand.
  if (needsRehash(user.passwordHash))
    await db.user.update({
      where: { id: user.id },
      data: { passwordHash: await hashPassword(password) },
      select: { id: true },
    });
  return { id: user.id, email: user.email, name: user.name };
}
