import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Comparator, EPS, meets, shortfall, type TargetSpec } from "./target.js";

const spec = (
  comparator: Comparator,
  value: number | null,
  kind: TargetSpec["kind"] = "value",
): TargetSpec => ({
  kind,
  comparator,
  year: 2030,
  value,
});

describe("shortfall", () => {
  it("measures the distance on the wrong side of the target", () => {
    expect(shortfall(spec(">=", 80), 70)).toBe(10);
    expect(shortfall(spec(">", 80), 85)).toBe(0);
    expect(shortfall(spec("<=", 5), 7.5)).toBe(2.5);
    expect(shortfall(spec("<", 5), 3)).toBe(0);
    // A rank: "top 30" — place 44 is 14 places short.
    expect(shortfall(spec("top", 30, "rank"), 44)).toBe(14);
    // A range is met from its lower bound, as `meets` reads it.
    expect(shortfall(spec("between", 5, "range"), 4)).toBe(1);
    expect(shortfall(spec("=", 100), 96)).toBe(4);
  });

  it("reads milestones as done or not, and has no measure for qualitative targets", () => {
    expect(shortfall(spec(">=", null, "milestone"), 0)).toBe(1);
    expect(shortfall(spec(">=", null, "milestone"), 1)).toBe(0);
    expect(shortfall(spec(">=", null, "qualitative"), 3)).toBeNull();
    expect(shortfall(spec(">=", null), 3)).toBeNull();
  });

  it("is zero when the value meets the target, the distance otherwise, never negative", () => {
    const comparators: Comparator[] = [">", ">=", "<", "<=", "=", "between", "top"];
    fc.assert(
      fc.property(
        fc.constantFrom(...comparators),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        (c, goal, v) => {
          const t = spec(c, goal);
          const s = shortfall(t, v) as number;
          expect(s).toBeGreaterThanOrEqual(0);
          if (meets(t, v)) expect(s).toBe(0);
          // Not met: short by the distance to the goal (only a strict bound reached exactly gives 0).
          // `goal + EPS` is itself rounded: within EPS of the goal, give or take its last bits.
          else if (s === 0)
            expect(Math.abs(v - goal)).toBeLessThanOrEqual(EPS + 2 * Number.EPSILON * Math.abs(goal));
        },
      ),
    );
  });
});
