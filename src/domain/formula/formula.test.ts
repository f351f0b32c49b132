import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkFormula } from "./check.js";
import { type EvalEnv, evaluate } from "./evaluate.js";
import { FormulaError, parseFormula, references } from "./parse.js";

const known = new Set(["OI_RD_EXPENDITURE", "OI_GDP", "OI_PATENTS", "T30-A04", "K_A", "K_B", "K_C"]);
const formulas = new Map<string, string[]>([
  ["K_A", ["K_B"]],
  ["K_B", ["K_C"]],
]);
const ctx = { known: (c: string) => known.has(c), formulaRefs: (c: string) => formulas.get(c) };

const env = (
  values: Record<string, number | null>,
  series: Record<string, { t: number; v: number }[]> = {},
): EvalEnv => ({
  value: (c) => values[c],
  series: (c) => series[c] ?? [],
});

describe("parsing", () => {
  it("follows precedence and associativity", () => {
    expect(evaluate(parseFormula("1 + 2 * 3 - 4 / 2"), env({})).value).toBe(5);
    expect(evaluate(parseFormula("(1 + 2) * 3"), env({})).value).toBe(9);
    expect(evaluate(parseFormula("10 - 3 - 2"), env({})).value).toBe(5);
    expect(evaluate(parseFormula("-2 * -3"), env({})).value).toBe(6);
    expect(evaluate(parseFormula("2e2 + .5"), env({})).value).toBe(200.5);
  });

  it("reads plain and [quoted] codes and lists them once", () => {
    const node = parseFormula("OI_RD_EXPENDITURE / OI_GDP * 100 + [T30-A04] - OI_GDP");
    expect(references(node)).toEqual(["OI_RD_EXPENDITURE", "OI_GDP", "T30-A04"]);
  });

  it.each([
    ["1 +", 3, "the formula ends too early"],
    ["(1 + 2", 6, 'expected ")"'],
    ["1 $ 2", 2, 'unexpected "$"'],
    ["foo(1)", 0, 'unknown function "foo"'],
    ["1 2", 2, 'unexpected "2"'],
    ["[T30-A04", 0, "not closed"],
    ["sum(1,)", 6, 'unexpected ")"'],
  ])("names the position of an error in %s", (src, pos, message) => {
    try {
      parseFormula(src);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(FormulaError);
      expect((err as FormulaError).pos).toBe(pos);
      expect((err as FormulaError).message).toContain(message);
    }
  });

  it("gives line and column on multi-line formulas", () => {
    try {
      parseFormula("OI_GDP +\n  * 2");
    } catch (err) {
      expect([(err as FormulaError).line, (err as FormulaError).column]).toEqual([2, 3]);
    }
  });

  it("never crashes on arbitrary input: it parses or names an error", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (src) => {
        try {
          parseFormula(src);
        } catch (err) {
          expect(err).toBeInstanceOf(FormulaError);
        }
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[-+*/() 0-9A-Z_,[\]a-z.]{0,60}$/), (src) => {
        try {
          const node = parseFormula(src);
          const r = evaluate(node, env({ A: 1, B: 2 }));
          expect(r.value === null || Number.isFinite(r.value)).toBe(true);
        } catch (err) {
          expect(err).toBeInstanceOf(FormulaError);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("refuses absurdly deep nesting with an error, not a stack overflow", () => {
    expect(() => parseFormula(`${"(".repeat(500)}1${")".repeat(500)}`)).toThrow(FormulaError);
    expect(() => parseFormula(`${"-".repeat(500)}1`)).toThrow(FormulaError);
  });
});

describe("checking when saved", () => {
  it("accepts a valid formula and returns its references", () => {
    const r = checkFormula("K_RD", "OI_RD_EXPENDITURE / OI_GDP * 100", ctx);
    expect(r).toMatchObject({ ok: true, refs: ["OI_RD_EXPENDITURE", "OI_GDP"] });
  });

  it("rejects unknown codes at their position", () => {
    const r = checkFormula("K_RD", "OI_GDP + OI_NOPE", ctx);
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => [e.pos, e.message, e.messageVi])).toEqual([
      [9, 'unknown indicator "OI_NOPE"', 'không có chỉ tiêu "OI_NOPE"'],
    ]);
  });

  it("rejects type errors: growth and cagr take an indicator, arity is checked", () => {
    expect(checkFormula("K_X", "growth(3)", ctx).errors[0]?.message).toContain("one indicator code");
    expect(checkFormula("K_X", "cagr(OI_PATENTS)", ctx).errors[0]?.message).toContain(
      "positive number of years",
    );
    expect(checkFormula("K_X", "cagr(OI_PATENTS, 0)", ctx).ok).toBe(false);
    expect(checkFormula("K_X", "abs(1, 2)", ctx).ok).toBe(false);
    expect(checkFormula("K_X", "sum()", ctx).ok).toBe(false);
    expect(checkFormula("K_X", "cagr(OI_PATENTS, 5)", ctx).ok).toBe(true);
  });

  it("rejects cycles through other formulas, and self-reference", () => {
    const r = checkFormula("K_C", "K_A + 1", ctx);
    expect(r.ok).toBe(false);
    expect(r.errors[0]?.message).toBe("cycle: K_C → K_A → K_B → K_C");
    expect(r.errors[0]?.pos).toBe(0);
    expect(checkFormula("K_A", "K_A * 2", ctx).errors[0]?.message).toContain("refers to itself");
    expect(checkFormula("K_D", "K_A + 1", { ...ctx, known: () => true }).ok).toBe(true);
  });
});

describe("evaluation", () => {
  it("computes a KPI from operational indicators", () => {
    const node = parseFormula("OI_RD_EXPENDITURE / OI_GDP * 100");
    expect(evaluate(node, env({ OI_RD_EXPENDITURE: 52_000, OI_GDP: 11_500_000 })).value).toBeCloseTo(
      0.4522,
      4,
    );
  });

  it("gives no value with a reason for a missing operand, never 0", () => {
    const r = evaluate(parseFormula("OI_RD_EXPENDITURE / OI_GDP * 100"), env({ OI_RD_EXPENDITURE: 1 }));
    expect(r).toEqual({ value: null, reason: { vi: "thiếu số liệu của OI_GDP", en: "no value for OI_GDP" } });
    expect(evaluate(parseFormula("sum(OI_GDP, 1)"), env({})).value).toBeNull();
    expect(evaluate(parseFormula("1 / (OI_GDP - OI_GDP)"), env({ OI_GDP: 5 })).reason?.en).toBe(
      "division by zero",
    );
  });

  it("computes growth and CAGR over a series, or says what history is missing", () => {
    const series = {
      OI_PATENTS: [2021, 2022, 2023, 2024, 2025, 2026].map((y, i) => ({ t: y, v: 1000 * 1.17 ** i })),
    };
    expect(evaluate(parseFormula("growth(OI_PATENTS)"), env({}, series)).value).toBeCloseTo(17, 6);
    expect(evaluate(parseFormula("cagr(OI_PATENTS, 5)"), env({}, series)).value).toBeCloseTo(17, 6);
    expect(evaluate(parseFormula("cagr(OI_PATENTS, 9)"), env({}, series)).reason?.en).toBe(
      "fewer than 9 years of OI_PATENTS",
    );
    expect(
      evaluate(parseFormula("growth(OI_PATENTS)"), env({}, { OI_PATENTS: [{ t: 2026, v: 1 }] })).reason?.vi,
    ).toContain("chưa đủ 2 kỳ");
  });

  it("agrees with plain arithmetic on random inputs", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        (a, b) => {
          const r = evaluate(parseFormula("(A + B) * 2 - A"), env({ A: a, B: b }));
          expect(r.value).toBeCloseTo((a + b) * 2 - a, 6);
        },
      ),
    );
  });
});
