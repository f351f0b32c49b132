/**
 * The hand-written number and date formats (src/web/lib/format.ts) against Intl's, which they
 * replace for speed: the same text for every value tried, in both languages.
 */
import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatTime,
} from "../../src/web/lib/format.js";

const LOCALES = { vi: "vi-VN", en: "en-GB" } as const;
const intlNumber = (value: number, lang: "vi" | "en", digits: number) =>
  new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: digits }).format(value);

/** A deterministic spread of values: integers, fractions, ties, tiny, negative, large. */
function values(): number[] {
  const out = [
    0,
    -0,
    1,
    -1,
    0.5,
    1.5,
    2.5,
    0.125,
    0.375,
    1.005,
    2.675,
    999.95,
    999.5,
    9.995,
    1234.5,
    12345.678,
    -1234.5,
    0.001,
    -0.001,
    0.0049,
    123456789.123,
    1e14 + 0.5,
    999999999999999,
    -999999999999999,
    1e15,
    1.5e16,
    -2e20,
    1e21,
    -3.5e22,
    1e-7,
    -3e-8,
    5e-7,
    0.1 + 0.2,
    1 / 3,
    2 / 3,
    100,
    1000,
    1000000,
  ];
  let seed = 57;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let i = 0; i < 4000; i++) {
    const magnitude = 10 ** Math.floor(rand() * 14 - 4);
    const v = (rand() - 0.3) * magnitude;
    out.push(v, Math.round(v * 1000) / 1000, Math.round(v * 8) / 8);
  }
  return out;
}

describe("formatNumber", () => {
  for (const lang of ["vi", "en"] as const)
    it(`writes what Intl (${LOCALES[lang]}) writes for every value and digit count`, () => {
      const mismatches: string[] = [];
      for (const v of values())
        for (const digits of [0, 1, 2, 3]) {
          const ours = formatNumber(v, lang, digits);
          const theirs = intlNumber(v, lang, digits);
          if (ours !== theirs) mismatches.push(`${v} (${digits}): ${ours} ≠ ${theirs}`);
        }
      expect(mismatches.slice(0, 10)).toEqual([]);
    });

  it("chooses fewer decimals for larger numbers and writes a dash for no value", () => {
    expect(formatNumber(1234.56, "vi")).toBe("1.235");
    expect(formatNumber(12.345, "vi")).toBe("12,3");
    expect(formatNumber(1.2345, "en")).toBe("1.23");
    expect(formatNumber(null, "vi")).toBe("—");
    expect(formatNumber(Number.NaN, "en")).toBe("—");
    expect(formatNumber(Number.POSITIVE_INFINITY, "en")).toBe("—");
  });
});

describe("formatPercent", () => {
  it("puts a space before % in Vietnamese only", () => {
    expect(formatPercent(0.824, "vi", 1)).toBe("82,4 %");
    expect(formatPercent(0.824, "en", 1)).toBe("82.4%");
    expect(formatPercent(12.5, "vi")).toBe("1.250 %");
    expect(formatPercent(undefined, "en")).toBe("—");
  });
});

describe("dates and times", () => {
  const dates = [
    new Date(2026, 11, 7, 9, 5),
    new Date(2026, 0, 1, 0, 0),
    new Date(2030, 11, 31, 23, 59),
    new Date(2045, 5, 15, 12, 30),
    new Date(1999, 1, 28, 7, 7),
  ];
  for (const lang of ["vi", "en"] as const)
    it(`writes what Intl (${LOCALES[lang]}) writes`, () => {
      const date = new Intl.DateTimeFormat(LOCALES[lang], {
        day: "2-digit",
        month: "2-digit",
        year: "numeric",
      });
      const time = new Intl.DateTimeFormat(LOCALES[lang], { hour: "2-digit", minute: "2-digit" });
      for (const d of dates) {
        expect(formatDate(d, lang)).toBe(date.format(d));
        expect(formatDate(d.toISOString(), lang)).toBe(date.format(d));
        expect(formatTime(d, lang)).toBe(time.format(d));
        expect(formatDateTime(d, lang)).toBe(`${time.format(d)} ${date.format(d)}`);
      }
    });

  it("writes a dash for no date or a date that does not parse", () => {
    expect(formatDate(null, "vi")).toBe("—");
    expect(formatDate("not a date", "vi")).toBe("—");
    expect(formatDateTime(undefined, "en")).toBe("—");
  });
});
