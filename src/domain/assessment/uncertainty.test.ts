import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { POOLED_SCALED_ERRORS } from "./pooled-errors.js";
import { METHODS, type SmoothingMethod } from "./smoothing.js";
import {
  bandQuantiles,
  cdfFromBands,
  normalCdf,
  OWN_ERRORS_FROM,
  pooledQuantiles,
  quantile,
  seriesScale,
  yearlyScale,
} from "./uncertainty.js";

const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const method = fc.constantFrom<SmoothingMethod>(...METHODS);
const near = (actual: number, expected: number, tol: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol);

describe("normalCdf", () => {
  it("matches the standard normal at known points", () => {
    near(normalCdf(0), 0.5, 1e-4);
    near(normalCdf(1.96), 0.975, 1e-4);
    near(normalCdf(-1.2816), 0.1, 1e-4);
    // tighter, from tables (A&S 7.1.26 is good to 1.5e-7)
    near(normalCdf(1), 0.8413447460685429, 1e-6);
    near(normalCdf(-1), 0.15865525393145707, 1e-6);
    near(normalCdf(3), 0.9986501019683699, 1e-6);
    near(normalCdf(-2.5758293035489), 0.005, 1e-6);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(-40)).toBe(0);
  });

  it("is monotone, within [0, 1] and symmetric", () => {
    fc.assert(
      fc.property(finite(-10, 10), finite(-10, 10), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(normalCdf(lo)).toBeLessThanOrEqual(normalCdf(hi));
        for (const z of [a, b]) {
          expect(normalCdf(z)).toBeGreaterThanOrEqual(0);
          expect(normalCdf(z)).toBeLessThanOrEqual(1);
          near(normalCdf(z) + normalCdf(-z), 1, 1e-8);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("cdfFromBands", () => {
  const band = fc
    .tuple(finite(-1e3, 1e3), finite(1e-3, 100), finite(1.001, 5))
    .map(([centre, half80, ratio]) => ({ centre, half80, half95: half80 * ratio }));

  it("gives 0.1 / 0.9 at the 80 % band's ends and 0.025 / 0.975 at the 95 % band's ends", () => {
    fc.assert(
      fc.property(band, ({ centre, half80, half95 }) => {
        near(cdfFromBands(centre - half80, centre, half80, half95), 0.1, 1e-4);
        near(cdfFromBands(centre + half80, centre, half80, half95), 0.9, 1e-4);
        near(cdfFromBands(centre - half95, centre, half80, half95), 0.025, 1e-4);
        near(cdfFromBands(centre + half95, centre, half80, half95), 0.975, 1e-4);
        near(cdfFromBands(centre, centre, half80, half95), 0.5, 1e-4);
      }),
      { numRuns: 200 },
    );
  });

  it("is monotone in x", () => {
    fc.assert(
      fc.property(band, finite(-2e3, 2e3), finite(-2e3, 2e3), ({ centre, half80, half95 }, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const p = cdfFromBands(lo, centre, half80, half95);
        const q = cdfFromBands(hi, centre, half80, half95);
        expect(p).toBeLessThanOrEqual(q);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(q).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it("is monotone in x even with half95 <= half80", () => {
    const xs = Array.from({ length: 81 }, (_, i) => -4 + i * 0.1);
    const ps = xs.map((x) => cdfFromBands(x, 0, 1, 1));
    for (let i = 1; i < ps.length; i++) expect(ps[i]).toBeGreaterThanOrEqual(ps[i - 1] as number);
    near(cdfFromBands(1, 0, 1, 0.5), 0.9, 1e-4);
  });

  it("is a step at the centre when a half-width is 0", () => {
    for (const [h80, h95] of [
      [0, 0],
      [0, 2],
      [1, 0],
    ] as const) {
      expect(cdfFromBands(4.999, 5, h80, h95)).toBe(0);
      expect(cdfFromBands(5, 5, h80, h95)).toBe(1);
      expect(cdfFromBands(5.001, 5, h80, h95)).toBe(1);
      expect(cdfFromBands(-1e9, 5, h80, h95)).toBe(0);
    }
  });
});

describe("quantile (R type 7)", () => {
  it("matches R's quantile() on small examples", () => {
    const x = [1, 2, 3, 4, 10];
    // R: quantile(c(1,2,3,4,10), c(0, .25, .5, .8, .95, 1)) = 1, 2, 3, 5.2, 8.8, 10
    expect(quantile(x, 0)).toBe(1);
    expect(quantile(x, 0.25)).toBe(2);
    expect(quantile(x, 0.5)).toBe(3);
    near(quantile(x, 0.8), 5.2, 1e-12);
    near(quantile(x, 0.95), 8.8, 1e-12);
    expect(quantile(x, 1)).toBe(10);
    // R: quantile(c(3, 7), .5) = 5; quantile(c(0.5, 1.5, 4), .8) = 3 (x = 1.6: 1.5 + 0.6 * 2.5)
    expect(quantile([3, 7], 0.5)).toBe(5);
    near(quantile([0.5, 1.5, 4], 0.8), 3, 1e-12);
    expect(quantile([42], 0.8)).toBe(42);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it("lies between the neighbouring order statistics and rises with p", () => {
    fc.assert(
      fc.property(
        fc.array(finite(-100, 100), { minLength: 1, maxLength: 30 }),
        finite(0, 1),
        finite(0, 1),
        (xs, p1, p2) => {
          const sorted = [...xs].sort((a, b) => a - b);
          const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
          const q = quantile(sorted, lo);
          const k = (sorted.length - 1) * lo;
          expect(q).toBeGreaterThanOrEqual((sorted[Math.floor(k)] as number) - 1e-12);
          expect(q).toBeLessThanOrEqual((sorted[Math.ceil(k)] as number) + 1e-12);
          expect(q).toBeLessThanOrEqual(quantile(sorted, hi) + 1e-12);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("seriesScale", () => {
  it("is the mean absolute first difference", () => {
    expect(seriesScale([1, 3, 2])).toBe(1.5);
    expect(seriesScale([10, 7, 7, 11])).toBeCloseTo(7 / 3, 14);
    expect(seriesScale([-5, 5])).toBe(10);
  });

  it("is floored at 1e-6 of the size (at least 1e-6) for flat or single-point series", () => {
    expect(seriesScale([10, 10, 10])).toBeCloseTo(1e-5, 18);
    expect(seriesScale([0, 0])).toBe(1e-6);
    expect(seriesScale([0.5, 0.5])).toBe(1e-6);
    expect(seriesScale([-200])).toBeCloseTo(2e-4, 18);
    expect(seriesScale([])).toBe(1e-6);
  });

  it("is never 0 and equals the mean absolute difference when that is above the floor", () => {
    fc.assert(
      fc.property(fc.array(finite(-1e4, 1e4), { minLength: 1, maxLength: 20 }), (z) => {
        const s = seriesScale(z);
        expect(s).toBeGreaterThan(0);
        let sum = 0;
        for (let i = 1; i < z.length; i++) sum += Math.abs((z[i] as number) - (z[i - 1] as number));
        const mad = z.length > 1 ? sum / (z.length - 1) : 0;
        expect(s).toBeGreaterThanOrEqual(mad);
        const floor = 1e-6 * Math.max(1, ...z.map(Math.abs));
        if (mad >= floor) near(s, mad, 1e-12 * Math.max(1, mad));
        else expect(s).toBe(floor);
      }),
      { numRuns: 200 },
    );
  });
});

describe("yearlyScale", () => {
  it("is seriesScale for yearly series", () => {
    fc.assert(
      fc.property(fc.array(finite(-1e4, 1e4), { minLength: 1, maxLength: 20 }), (z) => {
        expect(yearlyScale(z, 1)).toBe(seriesScale(z));
        expect(yearlyScale(z, 0.4)).toBe(seriesScale(z));
      }),
      { numRuns: 100 },
    );
  });

  it("is the mean absolute change over a year (4 or 12 steps) with at least two such pairs", () => {
    // quarterly, 6 points: |z4 - z0| = 4, |z5 - z1| = 6
    expect(yearlyScale([0, 1, 2, 3, 4, 7], 4)).toBe(5);
    // monthly, 14 points rising 0.5 a month: 6 a year
    expect(
      yearlyScale(
        Array.from({ length: 14 }, (_, i) => i / 2),
        12,
      ),
    ).toBe(6);
    // a seasonal monthly series with no change from year to year: only the floor remains
    const seasonal = Array.from({ length: 24 }, (_, i) => (i % 12 === 0 ? 10 : 0));
    expect(yearlyScale(seasonal, 12)).toBeCloseTo(1e-5, 18);
    expect(seriesScale(seasonal)).toBeGreaterThan(1);
  });

  it("with fewer than two yearly pairs is a step's change times the steps in a year", () => {
    expect(yearlyScale([0, 1, 3, 4, 6], 4)).toBe(seriesScale([0, 1, 3, 4, 6]) * 4);
    expect(yearlyScale([0, 1, 3, 4, 6], 4)).toBe(6);
    expect(yearlyScale([5, 5, 5], 12)).toBeCloseTo(12 * 5e-6, 18);
  });
});

describe("pooledQuantiles", () => {
  it("reads the table at whole years 1..6, linearly between them, as a square root below a year", () => {
    for (const m of METHODS) {
      const t = POOLED_SCALED_ERRORS[m];
      for (let h = 1; h <= 6; h++)
        expect(pooledQuantiles(m, h)).toEqual({ q80: t.q80[h - 1], q95: t.q95[h - 1] });
      expect(pooledQuantiles(m, 0)).toEqual({ q80: 0, q95: 0 });
      const q1 = t.q80[0] as number;
      expect(pooledQuantiles(m, 0.25).q80).toBeCloseTo(q1 / 2, 12);
      const [a, b] = [t.q80[1] as number, t.q80[2] as number];
      expect(pooledQuantiles(m, 2.4).q80).toBeCloseTo(a + 0.4 * (b - a), 12);
    }
    expect(pooledQuantiles("damped", 1)).toEqual({ q80: 1.666, q95: 3.173 });
  });

  it("grows beyond the table as a power of h between 0.5 and 1, with q95 >= q80", () => {
    fc.assert(
      fc.property(method, fc.integer({ min: 6, max: 400 }), fc.integer({ min: 1, max: 50 }), (m, h, dh) => {
        const a = pooledQuantiles(m, h);
        const b = pooledQuantiles(m, h + dh);
        expect(b.q80).toBeGreaterThan(a.q80);
        expect(b.q95).toBeGreaterThan(a.q95);
        expect(b.q95).toBeGreaterThanOrEqual(b.q80);
        const t = POOLED_SCALED_ERRORS[m];
        const r = (h + dh) / 6;
        for (const [q, end] of [
          [b.q80, t.q80[5] as number],
          [b.q95, t.q95[5] as number],
        ] as const) {
          expect(q).toBeGreaterThanOrEqual(end * r ** 0.5 * (1 - 1e-12));
          expect(q).toBeLessThanOrEqual(end * r * (1 + 1e-12));
        }
      }),
      { numRuns: 200 },
    );
  });

  it("never decreases in h (fractional years included), with q95 >= q80 throughout", () => {
    fc.assert(
      fc.property(method, finite(0, 400), finite(0, 400), (m, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const p = pooledQuantiles(m, lo);
        const q = pooledQuantiles(m, hi);
        expect(p.q80).toBeLessThanOrEqual(q.q80 + 1e-12);
        expect(p.q95).toBeLessThanOrEqual(q.q95 + 1e-12);
        expect(p.q95).toBeGreaterThanOrEqual(p.q80);
        expect(p.q80).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it("fits the growth to the table's ends (hand-computed tables)", () => {
    // g = log(4 / 1) / log 2 = 2, clamped to 1: linear beyond the table
    const steep = { q80: [1, 4], q95: [2, 8] };
    expect(pooledQuantiles("naive", 4, steep)).toEqual({ q80: 8, q95: 16 });
    // g = 0 (flat table), clamped to 0.5: square root
    const flat = { q80: [2, 2], q95: [3, 3] };
    near(pooledQuantiles("naive", 8, flat).q80, 4, 1e-12);
    near(pooledQuantiles("naive", 8, flat).q95, 6, 1e-12);
    // g = log(2) / log(4) = 0.5 exactly, inside the clamp
    const mid = { q80: [1, 1.2, 1.5, 2], q95: [2, 2.5, 3, 4] };
    near(pooledQuantiles("naive", 16, mid).q80, 4, 1e-12);
    // one entry: log n = 0, g not finite, 0.5
    near(pooledQuantiles("naive", 9, { q80: [1.5], q95: [3] }).q80, 4.5, 1e-12);
  });
});

describe("bandQuantiles", () => {
  it("uses the pooled quantiles below OWN_ERRORS_FROM points or without own errors", () => {
    fc.assert(
      fc.property(
        method,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: OWN_ERRORS_FROM - 1 }),
        fc.array(finite(-20, 20), { maxLength: 12 }),
        (m, h, n, own) => {
          expect(bandQuantiles(m, h, n, own)).toEqual(pooledQuantiles(m, h));
          expect(bandQuantiles(m, h, n + 20, [])).toEqual(pooledQuantiles(m, h));
          expect(bandQuantiles(m, h, n + 20, undefined)).toEqual(pooledQuantiles(m, h));
        },
      ),
      { numRuns: 100 },
    );
  });

  it("moves from the pooled quantile toward the own errors' quantile as they accumulate", () => {
    fc.assert(
      fc.property(method, fc.integer({ min: 1, max: 6 }), finite(0, 30), (m, h, c) => {
        const pooled = pooledQuantiles(m, h);
        fc.pre(Math.abs(pooled.q80 - c) > 1e-6);
        let gap = Math.abs(pooled.q80 - c);
        for (const count of [1, 3, 10, 30, 100, 1000]) {
          const q = bandQuantiles(m, h, 20, Array(count).fill(c)).q80;
          // between the two, strictly closer to c with more errors
          expect(q).toBeGreaterThanOrEqual(Math.min(c, pooled.q80) - 1e-12);
          expect(q).toBeLessThanOrEqual(Math.max(c, pooled.q80) + 1e-12);
          expect(Math.abs(q - c)).toBeLessThan(gap);
          gap = Math.abs(q - c);
        }
        expect(gap).toBeLessThan(0.01 * Math.abs(pooled.q80 - c));
      }),
      { numRuns: 100 },
    );
  });

  it("ignores the errors' signs, and keeps q95 >= q80", () => {
    fc.assert(
      fc.property(
        method,
        fc.integer({ min: 1, max: 12 }),
        fc.array(finite(-50, 50), { minLength: 1, maxLength: 30 }),
        (m, h, own) => {
          const q = bandQuantiles(m, h, 12, own);
          expect(
            bandQuantiles(
              m,
              h,
              12,
              own.map((e) => -e),
            ),
          ).toEqual(q);
          expect(q.q95).toBeGreaterThanOrEqual(q.q80);
          expect(q.q80).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("keeps q95 >= q80 even against a table whose q95 is below its q80", () => {
    const odd = { q80: [4, 5], q95: [1, 2] };
    const q = bandQuantiles("naive", 1, 12, [0.1, 0.2, 0.3], odd);
    // q80: w = 3/8 of the own quantile (0.26) and 5/8 of 4
    near(q.q80, (3 / 8) * 0.26 + (5 / 8) * 4, 1e-12);
    expect(q.q95).toBe(q.q80);
  });

  it("with own errors at the pooled 80 % quantile keeps that quantile", () => {
    const pooled = pooledQuantiles("damped", 1);
    const q = bandQuantiles("damped", 1, 12, Array(9).fill(pooled.q80));
    near(q.q80, pooled.q80, 1e-12);
  });
});
