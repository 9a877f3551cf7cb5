import { describe, expect, it } from "vitest";
import { chartRange } from "@/lib/endpoints/endpoint-chart";
import { impossibleFilters, logFilters } from "@/lib/messages/log-filters";
import { searchParam } from "@/lib/portal/search-param";

describe("page query parameters", () => {
  it("?range= takes only the listed ranges; anything else is the default", () => {
    expect(chartRange("7d")).toBe("7d");
    expect(chartRange(["7d", "1h"])).toBe("7d");
    for (const hostile of ["constructor", "__proto__", "toString", "1y", "", undefined])
      expect(chartRange(hostile)).toBe("24h");
  });

  it("a repeated parameter counts once; over-long or U+0000 values are dropped", () => {
    expect(searchParam(["ep_1", "ep_2"])).toBe("ep_1");
    expect(searchParam("x".repeat(257))).toBeUndefined();
    expect(searchParam("a\u0000b")).toBeUndefined();
    expect(searchParam("  q  ")).toBe("q");
  });

  it("message-log filters drop what the database could not take instead of failing the page", () => {
    const filters = logFilters({
      id: "msg\u0000",
      endpoint: "e".repeat(400),
      status: "weird",
      from: "+275760-09-13T00:00:00Z",
      to: "not a date",
      app: "app_1",
    });
    expect(filters).toMatchObject({
      id: undefined,
      endpointId: undefined,
      status: undefined,
      from: undefined,
      to: undefined,
      appId: "app_1",
    });
  });

  it("says when a from/until range is empty whatever the data", () => {
    const empty = logFilters({ from: "2026-11-30T10:00:00Z", to: "2026-11-30T09:00:00Z" });
    expect(impossibleFilters(empty)).toMatch(/“From” is not before “Until”/);
    expect(
      impossibleFilters(logFilters({ from: "2026-11-30T09:00:00Z", to: "2026-11-30T10:00:00Z" })),
    ).toBeNull();
    expect(impossibleFilters(logFilters({ from: "2026-11-30T09:00:00Z" }))).toBeNull();
  });
});
