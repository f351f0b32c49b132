import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  comparePeriods,
  containing,
  contains,
  dueAt,
  formatPeriod,
  midYear,
  next,
  PERIOD_YEARS,
  type Period,
  PeriodError,
  type PeriodKind,
  parsePeriod,
  periodKinds,
  previous,
  subdivide,
} from "./periods.js";

const perYear: Record<PeriodKind, number> = { month: 12, quarter: 4, half_year: 2, year: 1 };
const arbPeriod = fc.constantFrom(...periodKinds).chain((kind) =>
  fc.record({
    kind: fc.constant(kind),
    year: fc.integer({ min: 1990, max: 2100 }),
    index: fc.integer({ min: 1, max: perYear[kind] }),
  }),
) as fc.Arbitrary<Period>;

describe("period codes", () => {
  it.each([
    ["2026-03", { kind: "month", year: 2026, index: 3 }],
    ["2026-Q4", { kind: "quarter", year: 2026, index: 4 }],
    ["2026-H2", { kind: "half_year", year: 2026, index: 2 }],
    ["2030", { kind: "year", year: 2030, index: 1 }],
  ])("parses %s", (code, period) => {
    expect(parsePeriod(code)).toEqual(period);
  });

  it.each([
    "2026-13",
    "2026-00",
    "2026-Q5",
    "2026-H3",
    "26-03",
    "2026/03",
    "2026-3",
    "",
    "03-2026",
    "2026-q1",
    " 2026-12",
    "2026-12\n",
    "2026\t",
    "\u00a02026",
    "２０２６",
    "0000",
    "1899",
    "2201",
    "9999-12",
  ])("rejects %j", (code) => {
    expect(() => parsePeriod(code)).toThrow(PeriodError);
  });

  it("says whether the code or its year is wrong", () => {
    expect(() => parsePeriod(" 2026-12")).toThrow(expect.objectContaining({ reason: "format" }));
    expect(() => parsePeriod("2201-Q1")).toThrow(expect.objectContaining({ reason: "year" }));
    expect(PERIOD_YEARS).toEqual({ min: 1900, max: 2200 });
  });

  it("round-trips every period", () => {
    fc.assert(
      fc.property(arbPeriod, (p) => {
        expect(parsePeriod(formatPeriod(p))).toEqual(p);
      }),
    );
  });
});

describe("containment", () => {
  it("puts a month in its quarter, half-year and year", () => {
    const m = parsePeriod("2026-08");
    expect(formatPeriod(containing(m, "quarter"))).toBe("2026-Q3");
    expect(formatPeriod(containing(m, "half_year"))).toBe("2026-H2");
    expect(formatPeriod(containing(m, "year"))).toBe("2026");
    expect(contains(parsePeriod("2026-Q3"), m)).toBe(true);
    expect(contains(parsePeriod("2026-Q2"), m)).toBe(false);
    expect(contains(parsePeriod("2025"), m)).toBe(false);
    expect(() => containing(parsePeriod("2026-Q1"), "month")).toThrow();
  });

  it("subdivides and contains consistently", () => {
    fc.assert(
      fc.property(arbPeriod, fc.constantFrom(...periodKinds), (p, kind) => {
        const finer = periodKinds.indexOf(kind) <= periodKinds.indexOf(p.kind);
        if (!finer) return;
        const parts = subdivide(p, kind);
        expect(parts.length).toBe(perYear[kind] / perYear[p.kind]);
        for (const part of parts) {
          expect(contains(p, part)).toBe(true);
          expect(containing(part, p.kind)).toEqual(p);
        }
      }),
    );
  });

  it("orders periods, and next/previous are inverse", () => {
    fc.assert(
      fc.property(arbPeriod, (p) => {
        expect(previous(next(p))).toEqual(p);
        expect(comparePeriods(p, next(p))).toBeLessThan(0);
        expect(midYear(next(p))).toBeGreaterThan(midYear(p));
      }),
    );
  });
});

describe("due dates", () => {
  it("are the 25th at 23:59 in Vietnam for a month by default", () => {
    expect(dueAt(parsePeriod("2026-03")).toISOString()).toBe("2026-03-25T16:59:59.000Z");
    expect(dueAt(parsePeriod("2026-Q4")).toISOString()).toBe("2026-12-25T16:59:59.000Z");
    expect(dueAt(parsePeriod("2026"), { day: 15, monthsAfter: 1 }).toISOString()).toBe(
      "2027-01-15T16:59:59.000Z",
    );
    expect(dueAt(parsePeriod("2026-02"), { day: 31, monthsAfter: 0 }).toISOString()).toBe(
      "2026-02-28T16:59:59.000Z",
    );
  });
});
