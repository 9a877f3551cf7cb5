import { afterEach, describe, expect, it } from "vitest";
import { applyLocalDefaults, isLoopbackHost } from "@/lib/cli/boot";
import { deliveryConfig } from "@/lib/delivery/config";
import { resetEnvCache } from "@/lib/env";

type Env = Record<string, string | undefined>;
const OPENED = ["DELIVERY_ALLOW_CIDRS", "DELIVERY_REQUIRE_HTTPS", "DEMO_WIDGET"];
const opened = (env: Env) => Object.fromEntries(OPENED.map((k) => [k, env[k]]));

describe("what the embedded default opens", () => {
  it("opens loopback delivery, plain http and the demo widget only for the embedded database on a loopback HOST", () => {
    for (const HOST of [undefined, "127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"]) {
      const env: Env = { HOST };
      applyLocalDefaults(env);
      expect(opened(env), String(HOST)).toEqual({
        DELIVERY_ALLOW_CIDRS: "127.0.0.0/8,::1/128",
        DELIVERY_REQUIRE_HTTPS: "false",
        DEMO_WIDGET: "true",
      });
    }
  });

  it("opens nothing on another address or with DATABASE_URL", () => {
    for (const env of [
      { HOST: "0.0.0.0" },
      { HOST: "::" },
      { HOST: "192.168.1.10" },
      { HOST: "hookline.example.com" },
      { DATABASE_URL: "postgresql://db/hookline" },
    ] as Env[]) {
      applyLocalDefaults(env);
      expect(opened(env), JSON.stringify(env)).toEqual({
        DELIVERY_ALLOW_CIDRS: undefined,
        DELIVERY_REQUIRE_HTTPS: undefined,
        DEMO_WIDGET: undefined,
      });
    }
  });

  it("keeps what is set explicitly", () => {
    const env: Env = { DEMO_WIDGET: "false", DELIVERY_REQUIRE_HTTPS: "true" };
    applyLocalDefaults(env);
    expect(opened(env)).toMatchObject({ DEMO_WIDGET: "false", DELIVERY_REQUIRE_HTTPS: "true" });
  });

  it("knows a loopback HOST", () => {
    expect(
      ["localhost", "127.0.0.1", "127.9.9.9", "::1", "[::1]", "::ffff:127.0.0.1"].every(isLoopbackHost),
    ).toBe(true);
    expect(["0.0.0.0", "::", "10.0.0.1", "example.com", "localhost.example.com"].some(isLoopbackHost)).toBe(
      false,
    );
  });
});

describe("DELIVERY_REQUIRE_HTTPS", () => {
  const saved = process.env.DELIVERY_REQUIRE_HTTPS;
  afterEach(() => {
    if (saved === undefined) delete process.env.DELIVERY_REQUIRE_HTTPS;
    else process.env.DELIVERY_REQUIRE_HTTPS = saved;
    resetEnvCache();
  });

  it("is on unless turned off, whatever NODE_ENV", () => {
    delete process.env.DELIVERY_REQUIRE_HTTPS;
    resetEnvCache();
    expect(deliveryConfig().guard.requireHttps).toBe(true);
    process.env.DELIVERY_REQUIRE_HTTPS = "false";
    resetEnvCache();
    expect(deliveryConfig().guard.requireHttps).toBe(false);
  });
});
