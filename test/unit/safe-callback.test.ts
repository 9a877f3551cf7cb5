import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/safe-callback";

describe("the sign-in callbackUrl", () => {
  it.each([
    ["/dashboard", "/dashboard"],
    ["/applications/app_1?tab=endpoints#top", "/applications/app_1?tab=endpoints#top"],
    ["/invite/abc", "/invite/abc"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
  ])("keeps a path on this site: %s", (raw, expected) => {
    expect(safeCallbackPath(raw)).toBe(expected);
  });

  it.each([
    "//evil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\\/evil.example",
    "https://evil.example/",
    "http:evil.example",
    "javascript:alert(1)",
    " /dashboard",
    "",
    null,
    undefined,
  ])("refuses anything that could lead away: %j", (raw) => {
    expect(safeCallbackPath(raw)).toBe("/dashboard");
  });
});
