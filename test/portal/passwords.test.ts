import { monitorEventLoopDelay } from "node:perf_hooks";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword, needsRehash, passwordMatches } from "@/lib/auth/passwords";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { newId } from "@/lib/ids";
import { verifyPassword } from "@/lib/tenants/sign-up";
import { freshDatabase } from "../support/database";

beforeAll(() => freshDatabase());
afterAll(() => db.$disconnect());

describe("password hashing", () => {
  it("stores scrypt hashes with their parameters and a random salt; only the right password matches", async () => {
    const a = await hashPassword("correct horse battery");
    const b = await hashPassword("correct horse battery");
    expect(a).toMatch(/^\$scrypt\$ln=14,r=8,p=5\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(a).not.toBe(b);
    expect(await passwordMatches("correct horse battery", a)).toBe(true);
    expect(await passwordMatches("correct horse batterY", a)).toBe(false);
    expect(needsRehash(a)).toBe(false);
  });

  it("never matches a malformed or tampered hash, nor one asking for absurd parameters", async () => {
    const good = await hashPassword("pw-pw-pw-pw");
    for (const bad of [
      "",
      "plain",
      good.replace("ln=14", "ln=40"),
      good.replace("p=5", "p=99"),
      good.slice(0, -8),
      "$scrypt$ln=14,r=8,p=5$$",
    ])
      expect(await passwordMatches("pw-pw-pw-pw", bad)).toBe(false);
  });

  it("hashes off the event loop: twelve at once leave timers running", async () => {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    await Promise.all(Array.from({ length: 12 }, (_, i) => hashPassword(`password ${i}`)));
    delay.disable();
    // bcryptjs at cost 12 held the loop ~240 ms per hash here; scrypt runs on the thread pool.
    expect(delay.max / 1e6).toBeLessThan(150);
  });

  it("signs in with a bcrypt hash from before and replaces it with an scrypt one", async () => {
    const email = "legacy@example.test";
    await db.user.create({
      data: { id: newId("user"), email, passwordHash: await bcrypt.hash("old but right", 4) },
    });
    expect(await verifyPassword(email, "wrong")).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { email } })).passwordHash).toMatch(/^\$2/);
    expect(await verifyPassword(email, "old but right")).toMatchObject({ email });
    const upgraded = (await db.user.findUniqueOrThrow({ where: { email } })).passwordHash!;
    expect(upgraded).toMatch(/^\$scrypt\$/);
    expect(await verifyPassword(email, "old but right")).toMatchObject({ email });
    expect(await verifyPassword("nobody@example.test", "old but right")).toBeNull();
  });
});

describe("invitation acceptance attempts", () => {
  it("per invitation and per client address, then says how long to wait", async () => {
    Object.assign(process.env, {
      INVITATION_ACCEPTS_PER_INVITATION: "3",
      INVITATION_ACCEPTS_PER_ADDRESS: "5",
    });
    resetEnvCache();
    const { takeInvitationAttempt } = await import("@/lib/auth/rate-limits");
    const one = [];
    for (let i = 0; i < 4; i++) one.push(await takeInvitationAttempt("token-one", `192.0.2.${i}`));
    expect(one.slice(0, 3)).toEqual([null, null, null]);
    expect(one[3]).toBeGreaterThan(0);
    expect(one[3]).toBeLessThanOrEqual(3600);

    const fromOnePlace = [];
    for (let i = 0; i < 6; i++)
      fromOnePlace.push(await takeInvitationAttempt(`token-${i + 10}`, "198.51.100.7"));
    expect(fromOnePlace.slice(0, 5)).toEqual([null, null, null, null, null]);
    expect(fromOnePlace[5]).toBeGreaterThan(0);
    // Another address with another link is unaffected.
    expect(await takeInvitationAttempt("token-99", "198.51.100.8")).toBeNull();
  });
});
