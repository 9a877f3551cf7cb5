import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { FormState } from "@/lib/portal/form-state";

// The one prologue every portal action runs (issue #14 item 10): session, role, input, errors.
let role = "member";
vi.mock("@/lib/auth/current-member", () => ({
  currentMember: async () => ({
    role,
    tenant: { id: "org_1" },
    user: { id: "user_1", email: "a@example.test" },
  }),
  canManageKeys: (r: string) => r === "owner" || r === "admin",
}));

const { portalAction, portalFormAction, errorAs } = await import("@/lib/actions/portal-action");
const { ApiError, conflict } = await import("@/lib/api/errors");

const form = (fields: Record<string, string | string[]>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) f.append(k, one);
  return f;
};

describe("portalFormAction", () => {
  const save = portalFormAction(
    { role: { admin: "rename things" }, schema: z.object({ name: z.string().min(3, "Too short") }) },
    async ({ member, input }, id: string): Promise<FormState> => {
      if (input.name === "taken") throw conflict("That name is taken");
      return { saved: true, values: { seen: `${member.tenant.id}/${id}/${input.name}` } };
    },
  );

  it("refuses a member where owners and admins are needed, saying what, keeping what was typed", async () => {
    role = "member";
    await expect(save("x", {}, form({ name: "abc", password: "hunter2" }))).resolves.toEqual({
      error: "Only owners and admins can rename things.",
      values: { name: "abc" },
    });
  });

  it("passes the bound ids and the parsed input to the body", async () => {
    role = "admin";
    await expect(save("x", {}, form({ name: "abc" }))).resolves.toEqual({
      saved: true,
      values: { seen: "org_1/x/abc" },
    });
  });

  it("turns a schema problem into a field error, and a domain error into the form's error", async () => {
    role = "owner";
    await expect(save("x", {}, form({ name: "ab" }))).resolves.toEqual({
      fieldErrors: { name: "Too short" },
      values: { name: "ab" },
    });
    await expect(save("x", {}, form({ name: "taken" }))).resolves.toEqual({
      error: "That name is taken",
      values: { name: "taken" },
    });
  });

  it("lets a redirect through and sends anything unexpected to the error page", async () => {
    const redirecting = portalFormAction({ role: "member" }, async (): Promise<FormState> => {
      throw Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/x;307;" });
    });
    await expect(redirecting({}, form({}))).rejects.toMatchObject({
      digest: expect.stringMatching(/^NEXT_REDIRECT/),
    });
    const broken = portalFormAction({ role: "member" }, async (): Promise<FormState> => {
      throw new Error("database down");
    });
    await expect(broken({}, form({}))).rejects.toThrow("database down");
  });
});

describe("portalAction", () => {
  it("is a 403 for a member where admins are needed, or what onError makes of it", async () => {
    role = "member";
    const reveal = portalAction("admin", async (_member, id: string) => `secret of ${id}`);
    await expect(reveal("ep_1")).rejects.toBeInstanceOf(ApiError);
    const soft = portalAction("admin", async () => ({}), errorAs("Could not"));
    await expect(soft()).resolves.toEqual({ error: "Only owners and admins can do this." });
    role = "admin";
    await expect(reveal("ep_1")).resolves.toBe("secret of ep_1");
  });
});
