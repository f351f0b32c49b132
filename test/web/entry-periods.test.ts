import { describe, expect, it } from "vitest";
import {
  currentPeriodCode,
  kindChoices,
  kindOf,
  periodChoices,
  periodLabel,
  shortPeriod,
} from "../../src/web/pages/entry/entry-periods.js";

// 2026-12-31 20:00 UTC is already 2027-01-01 03:00 in Viet Nam.
const newYearsEve = new Date("2026-12-31T20:00:00Z");
const midDecember = new Date("2026-12-07T12:00:00Z");

describe("entry grid: periods", () => {
  it("the current period follows Viet Nam's clock", () => {
    expect(currentPeriodCode("month", midDecember)).toBe("2026-12");
    expect(currentPeriodCode("month", newYearsEve)).toBe("2027-01");
    expect(currentPeriodCode("quarter", midDecember)).toBe("2026-Q4");
    expect(currentPeriodCode("half_year", midDecember)).toBe("2026-H2");
    expect(currentPeriodCode("year", newYearsEve)).toBe("2027");
  });

  it("offers the current period and those before it, newest first", () => {
    const months = periodChoices("month", midDecember);
    expect(months).toHaveLength(24);
    expect(months.slice(0, 3)).toEqual(["2026-12", "2026-11", "2026-10"]);
    expect(months.at(-1)).toBe("2025-01");
    expect(periodChoices("quarter", midDecember).slice(0, 5)).toEqual([
      "2026-Q4",
      "2026-Q3",
      "2026-Q2",
      "2026-Q1",
      "2025-Q4",
    ]);
    expect(periodChoices("year", midDecember)).toEqual(["2026", "2025", "2024", "2023", "2022"]);
  });

  it("keeps an older open period in the list, and only of the same kind", () => {
    expect(periodChoices("month", midDecember, "2020-05").at(-1)).toBe("2020-05");
    expect(periodChoices("month", midDecember, "2020-Q1")).not.toContain("2020-Q1");
    expect(periodChoices("month", midDecember, "2026-11")).toHaveLength(24);
  });

  it("names periods in each language", () => {
    expect(periodLabel("2026-03", "vi")).toBe("Tháng 3/2026");
    expect(periodLabel("2026-03", "en")).toBe("March 2026");
    expect(periodLabel("2026-Q1", "vi")).toBe("Quý 1/2026");
    expect(periodLabel("2026-Q1", "en")).toBe("Q1 2026");
    expect(periodLabel("2026-H1", "vi")).toBe("6 tháng đầu năm 2026");
    expect(periodLabel("2026-H2", "vi")).toBe("6 tháng cuối năm 2026");
    expect(periodLabel("2026-H2", "en")).toBe("H2 2026");
    expect(periodLabel("2026", "vi")).toBe("Năm 2026");
    expect(periodLabel("nonsense", "vi")).toBe("nonsense");
  });

  it("writes history heads short", () => {
    expect(shortPeriod("2025-12")).toBe("12/25");
    expect(shortPeriod("2026-01")).toBe("01/26");
    expect(shortPeriod("2026-Q4")).toBe("Q4/26");
    expect(shortPeriod("2026-H1")).toBe("H1/26");
    expect(shortPeriod("2026")).toBe("2026");
  });

  it("reads a period's kind, or none", () => {
    expect(kindOf("2026-H1")).toBe("half_year");
    expect(kindOf("2026-13")).toBeNull();
  });

  it("offers months, the open kind, and the longer kinds the unit reports", () => {
    expect(kindChoices("month", [])).toEqual(["month"]);
    expect(
      kindChoices("month", [
        { periodKind: "quarter", indicators: 2 },
        { periodKind: "half_year", indicators: 0 },
        { periodKind: "year", indicators: 5 },
      ]),
    ).toEqual(["month", "quarter", "year"]);
    expect(kindChoices("half_year", [{ periodKind: "year", indicators: 0 }])).toEqual(["month", "half_year"]);
  });
});
