/** The disaggregations tab's rows: shares only for additive indicators, and how the parts meet the total. */
import { describe, expect, it } from "vitest";
import { dimensionViews, isAdditive } from "../../src/web/pages/indicator/disaggregation-model.js";

const sex = (male: number | null, female: number | null) => ({
  code: "sex",
  options: [
    { code: "male", value: male, partial: false },
    { code: "female", value: female, partial: male === null },
  ],
});

describe("disaggregation views", () => {
  it("gives an additive indicator's shares of the categories' sum and its coverage of the total", () => {
    const [v] = dimensionViews([sex(300, 100)], 500, true);
    expect(v).toMatchObject({ code: "sex", withValue: 2, sum: 400, coverage: 0.8 });
    expect(v?.rows.map((r) => [r.code, r.share])).toEqual([
      ["male", 0.75],
      ["female", 0.25],
    ]);
  });

  it("gives no share, sum or coverage when the categories may not be added", () => {
    const [v] = dimensionViews([sex(40, 60)], 50, false);
    expect(v).toMatchObject({ withValue: 2, sum: null, coverage: null });
    expect(v?.rows.every((r) => r.share === null)).toBe(true);
  });

  it("keeps options without a value in their declared place, and no coverage without a total", () => {
    const [v] = dimensionViews([sex(null, 120)], null, true);
    expect(v?.rows.map((r) => [r.code, r.value, r.share, r.partial])).toEqual([
      ["male", null, null, false],
      ["female", 120, 1, true],
    ]);
    expect(v).toMatchObject({ withValue: 1, sum: 120, coverage: null });
    const [none] = dimensionViews([sex(null, null)], 10, true);
    expect(none).toMatchObject({ withValue: 0, sum: null, coverage: null });
  });

  it("treats only sums as additive", () => {
    expect(isAdditive("sum")).toBe(true);
    for (const a of ["mean", "ratio_of_sums", "weighted_mean", "latest", "min", "max", "none"])
      expect(isAdditive(a), a).toBe(false);
  });
});
