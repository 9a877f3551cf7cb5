import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

const valid = {
  NEXTAUTH_SECRET: "x".repeat(40),
  SECRETS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
};

describe("configuration", () => {
  it("applies defaults to a minimal environment", () => {
    const env = parseEnv(valid);
    expect(env).toMatchObject({
      PORT: 3000,
      HOST: "127.0.0.1",
      API_MAX_BODY_BYTES: 1_572_864,
      SIGNUP_ENABLED: true,
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ ...valid, DATABASE_URL: "", PORT: "" }).PORT).toBe(3000);
  });

  it("names every bad variable in one line", () => {
    let message = "";
    try {
      parseEnv({ SECRETS_ENCRYPTION_KEY: "short", PORT: "eighty", DATABASE_URL: "mysql://x" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split("\n")).toHaveLength(1);
    expect(message).toMatch(/^Invalid configuration: /);
    for (const name of ["NEXTAUTH_SECRET", "SECRETS_ENCRYPTION_KEY", "PORT", "DATABASE_URL"])
      expect(message).toContain(name);
  });
});
