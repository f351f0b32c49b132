import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  aggregate,
  aggregationRules,
  merge,
  OUTLIER_Z,
  type Part,
  partSummary,
  robustZ,
  robustZAgainstOthers,
  summarize,
  summaryValue,
} from "./aggregation.js";

const arbPart = fc.record({
  value: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  weight: fc.double({ min: 0.01, max: 1e3, noNaN: true }),
  at: fc.integer({ min: 0, max: 10_000 }),
});

describe("aggregation rules", () => {
  const parts: Part[] = [
    { value: 10, weight: 100, at: 1 },
    { value: 20, weight: 300, at: 3 },
    { value: 30, weight: 100, at: 2 },
  ];
  it.each([
    ["sum", 60],
    ["mean", 20],
    ["weighted_mean", (10 * 100 + 20 * 300 + 30 * 100) / 500],
    ["ratio_of_sums", 60 / 500],
    ["latest", 20],
    ["min", 10],
    ["max", 30],
  ] as const)("%s", (rule, expected) => {
    expect(aggregate(rule, parts).value).toBeCloseTo(expected, 10);
  });

  it("gives no value with a reason for nothing to aggregate, never 0", () => {
    for (const rule of aggregationRules) expect(aggregate(rule, [])).toMatchObject({ value: null });
    expect(aggregate("ratio_of_sums", [{ value: 5, weight: 0 }]).reason?.en).toBe(
      "the denominators sum to 0",
    );
  });

  it("merges summaries in any grouping and order to the same result (incremental = rebuild)", () => {
    fc.assert(
      fc.property(
        fc.array(arbPart, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 30 }),
        (ps, cut) => {
          const k = Math.min(cut, ps.length);
          const whole = summarize(ps);
          const split = merge(summarize(ps.slice(0, k)), summarize(ps.slice(k)));
          const reversed = [...ps].reverse().reduce((s, p) => merge(partSummary(p), s), summarize([]));
          for (const rule of aggregationRules) {
            const a = summaryValue(rule, whole).value as number;
            if (rule === "latest") {
              // Ties on `at` may pick either; compare only when times are distinct.
              if (new Set(ps.map((p) => p.at)).size !== ps.length) continue;
            }
            expect(summaryValue(rule, split).value).toBeCloseTo(a, 6);
            expect(summaryValue(rule, reversed).value).toBeCloseTo(a, 6);
          }
        },
      ),
    );
  });
});

describe("robust z-score", () => {
  it("flags a value far from the unit's history, and not a typical one", () => {
    const history = [100, 102, 98, 101, 99, 103, 97];
    expect(Math.abs(robustZ(100, history) ?? 99)).toBeLessThan(1);
    expect(Math.abs(robustZ(180, history) ?? 0)).toBeGreaterThan(OUTLIER_Z);
  });
  it("needs at least 4 references and some spread", () => {
    expect(robustZ(5, [1, 2, 3])).toBeUndefined();
    expect(robustZ(5, [2, 2, 2, 2])).toBeUndefined();
    expect(robustZ(2, [2, 2, 2, 2])).toBe(0);
  });
  it("is unchanged when every value shifts and scales together", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -100_000, max: 100_000 }), { minLength: 4, maxLength: 20 }),
        fc.integer({ min: -100_000, max: 100_000 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: -1000, max: 1000 }),
        (ref, x, scale, shift) => {
          const z = robustZ(x, ref);
          const z2 = robustZ(
            x * scale + shift,
            ref.map((v) => v * scale + shift),
          );
          if (z === undefined || z2 === undefined) return;
          expect(Math.abs(z2 - z)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(z)));
        },
      ),
    );
  });

  it("scores each value against the others exactly as robustZ does, for any values and ties", () => {
    // Subnormals and -0 are left out: at 5e-324 the two computations may round differently (and
    // toEqual tells -0 from 0), which says nothing about how values are ranked against each other.
    const double = fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => (Math.abs(x) < 1e-300 ? 0 : x));
    const value = fc.oneof(fc.integer({ min: -5, max: 5 }), double);
    fc.assert(
      fc.property(fc.array(value, { maxLength: 40 }), (values) => {
        const naive = values.map((x, i) =>
          robustZ(
            x,
            values.filter((_, j) => j !== i),
          ),
        );
        expect(robustZAgainstOthers(values)).toEqual(naive);
      }),
      { numRuns: 2000 },
    );
    expect(robustZAgainstOthers([1, 2, 3, 4])).toEqual([undefined, undefined, undefined, undefined]);
    expect(robustZAgainstOthers([5, 5, 5, 5, 9]).map((z) => z ?? null)).toEqual([0, 0, 0, 0, null]);
  });
});
