import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { signUp } from "@/lib/tenants/sign-up";
import { freshDatabase } from "../support/database";

beforeAll(() => freshDatabase());
afterAll(() => db.$disconnect());

describe("sign-up", () => {
  it("creates one account when the same email signs up five times at once; the others are 409s", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        signUp({ email: "Race@Example.test", password: "a long enough password", name: "Racer" }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected"))
      expect((r as PromiseRejectedResult).reason).toMatchObject({ status: 409 } satisfies Partial<ApiError>);
    expect(await db.user.count({ where: { email: "race@example.test" } })).toBe(1);
    expect(await db.tenant.count()).toBe(1);
  });
});

describe("sign-up attempts per client address", () => {
  it("allows SIGN_UPS_PER_ADDRESS an hour from one address, then says how long to wait; other addresses are free", async () => {
    process.env.SIGN_UPS_PER_ADDRESS = "3";
    resetEnvCache();
    const { takeSignUpAttempt } = await import("@/lib/auth/rate-limits");
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await takeSignUpAttempt("192.0.2.44"));
    expect(results.slice(0, 3)).toEqual([null, null, null]);
    expect(results.slice(3).every((wait) => typeof wait === "number" && wait > 0 && wait <= 3600)).toBe(true);
    expect(await takeSignUpAttempt("192.0.2.45")).toBeNull();
    // Outside our HTTP server there is no address to count by.
    expect(await takeSignUpAttempt(null)).toBeNull();
  });
});
