import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { idPrefixTimeRange, newId } from "@/lib/ids";

// Issue #14 item 6: searching the message log by an id's first characters uses the time index.
describe("the time window an id prefix pins down", () => {
  it("contains the creation time of every id that starts with the prefix", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_102_444_800_000 }),
        fc.integer({ min: 1, max: 22 }),
        (ms, digits) => {
          const id = newId("msg", ms);
          const range = idPrefixTimeRange("msg", id.slice(0, 4 + digits))!;
          expect(range.from.getTime()).toBeLessThanOrEqual(ms);
          expect(range.until.getTime()).toBeGreaterThan(ms);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("narrows as the prefix grows: six digits are under a minute", () => {
    const id = newId("msg", Date.UTC(2026, 10, 30));
    const width = (n: number) => {
      const r = idPrefixTimeRange("msg", id.slice(0, 4 + n))!;
      return r.until.getTime() - r.from.getTime();
    };
    expect(width(6)).toBeLessThan(60_000);
    expect(width(5)).toBeGreaterThan(width(6));
    expect(width(22)).toBe(1);
  });

  it("refuses what cannot begin an id", () => {
    expect(idPrefixTimeRange("msg", "msg_")).toBeNull();
    expect(idPrefixTimeRange("msg", "ep_0356")).toBeNull();
    expect(idPrefixTimeRange("msg", "msg_03-5")).toBeNull();
    expect(idPrefixTimeRange("msg", `msg_${"0".repeat(23)}`)).toBeNull();
  });
});
