import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { brandVariables, contrastRatio } from "@/lib/widget/brand-variables";

// Issue #14 item 8: a tenant's colour never makes the widget unreadable, light or dark.
describe("brand shades from a tenant's colour", () => {
  it("matches WCAG's own figures", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });

  it("keeps a colour that is already readable as it is", () => {
    expect(brandVariables("#1d4ed8")["--color-brand-600"]).toBe("#1d4ed8");
  });

  it("darkens a pale yellow for buttons and lightens a navy for dark-mode links", () => {
    const yellow = brandVariables("#facc15");
    expect(yellow["--color-brand-600"]).not.toBe("#facc15");
    expect(contrastRatio(yellow["--color-brand-600"]!, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    const navy = brandVariables("#0b1d51");
    expect(contrastRatio(navy["--color-brand-300"]!, "#18181b")).toBeGreaterThanOrEqual(4.5);
  });

  it("meets AA for every colour", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffff }), (n) => {
        const v = brandVariables(`#${n.toString(16).padStart(6, "0")}`);
        expect(contrastRatio(v["--color-brand-600"]!, "#ffffff")).toBeGreaterThanOrEqual(4.5);
        expect(contrastRatio(v["--color-brand-600"]!, "#f4f4f5")).toBeGreaterThanOrEqual(4.5);
        expect(contrastRatio(v["--color-brand-700"]!, v["--color-brand-50"]!)).toBeGreaterThanOrEqual(4.5);
        expect(contrastRatio(v["--color-brand-500"]!, "#ffffff")).toBeGreaterThanOrEqual(3);
        expect(contrastRatio(v["--color-brand-300"]!, "#18181b")).toBeGreaterThanOrEqual(4.5);
        expect(contrastRatio(v["--color-brand-300"]!, "#09090b")).toBeGreaterThanOrEqual(4.5);
      }),
      { numRuns: 2000 },
    );
  });
});
