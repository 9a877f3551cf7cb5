import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
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
