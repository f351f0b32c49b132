import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  boundsProblem,
  cellReporter,
  currentPeriod,
  lockedForUnit,
  periodWindowProblem,
} from "./value-rules.js";

describe("cellReporter", () => {
  const unit = { reportedBy: "unit", responsibleUnitId: "most" };
  const responsible = { reportedBy: "responsible", responsibleUnitId: "most" };
  it("gives a new cell to the unit itself or to the responsible unit, as the indicator says", () => {
    expect(cellReporter(unit, "hanoi")).toBe("hanoi");
    expect(cellReporter(responsible, "hanoi")).toBe("most");
    expect(cellReporter({ reportedBy: "responsible", responsibleUnitId: null }, "hanoi")).toBe("hanoi");
  });
  it("keeps an existing value's reporter whatever the rule says now", () => {
    expect(cellReporter(responsible, "hanoi", "hanoi")).toBe("hanoi");
    expect(cellReporter(unit, "hanoi", "most")).toBe("most");
  });
});

describe("lockedForUnit", () => {
  it("locks submitted and approved values, not drafts", () => {
    expect([lockedForUnit("draft"), lockedForUnit("submitted"), lockedForUnit("approved")]).toEqual([
      false,
      true,
      true,
    ]);
  });
});

describe("boundsProblem", () => {
  it("accepts every value inside the bounds and refuses every value outside", () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: -1000, max: 1000 })),
        fc.option(fc.integer({ min: -1000, max: 1000 })),
        fc.double({ min: -2000, max: 2000, noNaN: true }),
        (a, b, v) => {
          const min = a !== null && b !== null ? Math.min(a, b) : a;
          const max = a !== null && b !== null ? Math.max(a, b) : b;
          const inside = (min === null || v >= min) && (max === null || v <= max);
          expect(boundsProblem(v, { min, max }) === null).toBe(inside);
        },
      ),
    );
  });
  it("says what is expected in both languages", () => {
    expect(boundsProblem(115, { min: 0, max: 100 })).toEqual({
      vi: "phải từ 0 đến 100",
      en: "must be between 0 and 100",
    });
    expect(boundsProblem(0, { min: 1, max: null })?.en).toBe("must be at least 1");
    expect(boundsProblem(2, { min: null, max: 1 })?.vi).toBe("không được lớn hơn 1");
  });
});

describe("currentPeriod", () => {
  it("follows Vietnam's clock (UTC+7): 17:00 UTC on 31 December is already the new year", () => {
    const lateUtc = new Date("2026-12-31T17:00:00Z");
    expect(currentPeriod("month", lateUtc)).toEqual({ kind: "month", year: 2027, index: 1 });
    expect(currentPeriod("month", new Date("2026-12-31T16:59:59Z"))).toEqual({
      kind: "month",
      year: 2026,
      index: 12,
    });
    expect(currentPeriod("quarter", new Date("2026-05-10T00:00:00Z"))).toEqual({
      kind: "quarter",
      year: 2026,
      index: 2,
    });
    expect(currentPeriod("half_year", new Date("2026-07-01T00:00:00Z"))).toEqual({
      kind: "half_year",
      year: 2026,
      index: 2,
    });
  });
});

describe("periodWindowProblem", () => {
  const now = new Date("2026-12-01T03:00:00Z");
  it("allows the current and past periods down to the baseline year", () => {
    for (const p of ["2026-12", "2026-Q4", "2026-H2", "2026", "2020-01", "2020"])
      expect(periodWindowProblem(p, now, 2020), p).toBeNull();
  });
  it("refuses periods that have not begun and periods before the baseline year", () => {
    expect(periodWindowProblem("2027-01", now, 2020)?.en).toBe(
      "period 2027-01 has not begun (the current period is 2026-12)",
    );
    expect(periodWindowProblem("2027", now, null)?.vi).toMatch(/chưa đến/);
    expect(periodWindowProblem("2019-12", now, 2020)?.en).toBe(
      "period 2019-12 is before the plan's baseline year 2020",
    );
    expect(periodWindowProblem("1990", now, null)).toBeNull();
  });
});
