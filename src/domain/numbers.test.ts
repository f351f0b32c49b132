import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseLocalizedNumber, parseYesNo } from "./numbers.js";

describe("numbers as typed in Vietnamese and English", () => {
  it.each([
    ["1.234,5", 1234.5],
    ["1,234.5", 1234.5],
    ["1.234.567", 1234567],
    ["1,234,567", 1234567],
    ["1.234.567,89", 1234567.89],
    ["12,5", 12.5],
    ["12.5", 12.5],
    ["0,25", 0.25],
    ["0.125", 0.125],
    ["1234", 1234],
    ["1 234,5", 1234.5],
    ["-3,5", -3.5],
    ["(12)", -12],
    ["45%", 45],
    ["1234,567", 1234.567],
  ])("%s → %d", (text, value) => {
    expect(parseLocalizedNumber(text)).toEqual({ ok: true, value });
  });

  it.each(["1.234", "1,234", "12.345", "999,000"])("refuses the ambiguous %s with a message", (text) => {
    const r = parseLocalizedNumber(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.vi).toContain("hai cách");
  });

  it.each(["abc", "1.2.3,4,5", "12,34,56", "", "1e5", "--1", "1,2.3.4"])("refuses %s", (text) => {
    expect(parseLocalizedNumber(text).ok).toBe(false);
  });

  it("reads back any number written the Vietnamese way with two decimals", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 99 }), (int, cents) => {
        const vi = new Intl.NumberFormat("vi-VN", {
          minimumFractionDigits: 2,
          maximumFractionDigits: 2,
        }).format(Math.abs(int) + cents / 100);
        const r = parseLocalizedNumber((int < 0 ? "-" : "") + vi);
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.value).toBeCloseTo((int < 0 ? -1 : 1) * (Math.abs(int) + cents / 100), 2);
      }),
    );
  });

  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const r = parseLocalizedNumber(s);
        expect(typeof r.ok).toBe("boolean");
      }),
      { numRuns: 2000 },
    );
  });
});

describe("yes/no", () => {
  it.each([
    ["Có", true],
    ["đạt", true],
    ["x", true],
    ["Không", false],
    ["chưa", false],
    [true, true],
    [0, false],
  ] as const)("%s", (input, value) => {
    expect(parseYesNo(input)).toEqual({ ok: true, value });
  });
  it("refuses anything else with a message", () => {
    expect(parseYesNo("có lẽ").ok).toBe(false);
  });
});
