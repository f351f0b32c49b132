import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitSes, fitTrend, fitted, METHODS, olsSlope, predict, type SmoothingMethod } from "./smoothing.js";

const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const series = (minLength = 1, maxLength = 15) => fc.array(finite(-1000, 1000), { minLength, maxLength });
/** Multiples of 1/4 (no subnormals, no near-ties of the grid search's absolute 1e-15 cost tolerance). */
const quarters = (minLength = 1, maxLength = 12) =>
  fc.array(
    fc.integer({ min: -4000, max: 4000 }).map((v) => v / 4),
    { minLength, maxLength },
  );
const method = fc.constantFrom<SmoothingMethod>(...METHODS);
const line = (a: number, b: number, n: number) => Array.from({ length: n }, (_, i) => a + b * i);
const close = (actual: number, expected: number, scale: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, scale));

describe("a constant series", () => {
  it("is forecast as that constant, exactly, by every method (integer constants)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 1, max: 15 }), method, (c, n, m) => {
        for (const v of predict(m, Array(n).fill(c), 8)) expect(v).toBe(c);
      }),
      { numRuns: 300 },
    );
  });

  it("is forecast as that constant, exactly, by all but Comb for any double", () => {
    fc.assert(
      fc.property(finite(-1e6, 1e6), fc.integer({ min: 1, max: 15 }), method, (d, n, m) => {
        fc.pre(m !== "comb");
        const c = d + 0; // -0 becomes +0 (SES's level update turns -0 into +0)
        for (const v of predict(m, Array(n).fill(c), 8)) expect(v).toBe(c);
      }),
      { numRuns: 300 },
    );
  });

  it("is forecast by Comb within two units in the last place (the mean of three equal terms)", () => {
    fc.assert(
      fc.property(finite(-1e6, 1e6), fc.integer({ min: 1, max: 15 }), (c, n) => {
        for (const v of predict("comb", Array(n).fill(c), 8))
          expect(Math.abs(v - c)).toBeLessThanOrEqual(4.5e-16 * Math.abs(c));
      }),
      { numRuns: 200 },
    );
  });

  it("is the constant for Theta (zero OLS slope, any length)", () => {
    for (const n of [1, 2, 3, 4, 7, 12, 20]) {
      expect(olsSlope(Array(n).fill(7.3))).toBe(0);
      expect(predict("theta", Array(n).fill(7.3), 5)).toEqual([7.3, 7.3, 7.3, 7.3, 7.3]);
    }
  });
});

describe("a straight line", () => {
  const lines = fc.tuple(finite(-1000, 1000), finite(-50, 50), fc.integer({ min: 2, max: 15 }));

  it("is continued exactly by drift and Holt (to 1e-9)", () => {
    fc.assert(
      fc.property(lines, fc.integer({ min: 1, max: 20 }), ([a, b, n], h) => {
        const y = line(a, b, n);
        const size = Math.abs(a) + Math.abs(b) * (n + h);
        for (const m of ["drift", "holt"] as const) {
          const p = predict(m, y, h);
          for (const [i, v] of p.entries()) close(v, a + b * (n - 1 + i + 1), size);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("is held at its last value by naive", () => {
    fc.assert(
      fc.property(lines, fc.integer({ min: 1, max: 20 }), ([a, b, n], h) => {
        const y = line(a, b, n);
        expect(predict("naive", y, h)).toEqual(Array(h).fill(y[n - 1]));
      }),
      { numRuns: 100 },
    );
  });

  it("is continued by Theta at half its slope (SES picks alpha = 1 on a line)", () => {
    // On a line SES's one-step errors shrink as alpha grows, so alpha = 1 and the level is the last
    // value; Theta then adds half the OLS slope per step.
    fc.assert(
      fc.property(
        finite(-1000, 1000),
        finite(0.5, 50),
        fc.boolean(),
        fc.integer({ min: 3, max: 15 }),
        (a, b, up, n) => {
          const slope = up ? b : -b;
          const y = line(a, slope, n);
          expect(fitSes(y).alpha).toBe(1);
          for (const [i, v] of predict("theta", y, 6).entries())
            close(v, a + slope * (n - 1) + (slope / 2) * (i + 1), Math.abs(a) + b * (n + 6));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("hand-computed forecasts", () => {
  it("naive and drift", () => {
    expect(predict("naive", [2, 5, 3, 8], 2)).toEqual([8, 8]);
    // slope (8 - 2) / 3 = 2
    expect(predict("drift", [2, 5, 3, 8], 3)).toEqual([10, 12, 14]);
    expect(predict("drift", [4], 2)).toEqual([4, 4]);
  });

  it("Holt and damped on two points (level = last value, trend = the difference, phi = 0.98)", () => {
    expect(predict("holt", [3, 5], 3)).toEqual([7, 9, 11]);
    const [d1, d2] = predict("damped", [3, 5], 2) as [number, number];
    expect(d1).toBeCloseTo(5 + 2 * 0.98, 12);
    expect(d2).toBeCloseTo(5 + 2 * (0.98 + 0.9604), 12);
  });

  it("olsSlope", () => {
    // t = 0..3, mean t 1.5, mean y 3: sxy = 3 + 0 - 0.5 + 4.5 = 7, sxx = 5
    expect(olsSlope([1, 3, 2, 6])).toBeCloseTo(1.4, 14);
    expect(olsSlope([4, 1])).toBe(-3);
    expect(olsSlope([5])).toBe(0);
    expect(olsSlope([])).toBe(0);
    expect(olsSlope(line(10, -2.5, 9))).toBeCloseTo(-2.5, 12);
  });
});

describe("Holt by hand", () => {
  it("follows the error-correction recursion and keeps the first of tied grid points", () => {
    // [1, 2, 4]: the trend starts at 1, so 2 is fitted exactly; 4 is missed by 1 whatever the
    // parameters (SSE 1 everywhere), and the first grid point (alpha 0.05, beta 0.05·alpha) stays.
    // level = 3 + 0.05·1 = 3.05, trend = 1 + 0.05·0.05·1 = 1.0025.
    const f = fitTrend([1, 2, 4], false);
    expect(f.alpha).toBe(0.05);
    expect(f.level).toBeCloseTo(3.05, 12);
    expect(f.trend).toBeCloseTo(1.0025, 12);
    expect(fitted("holt", [1, 2, 4])(2)).toBeCloseTo(3.05 + 2 * 1.0025, 12);
  });
});

describe("SES", () => {
  it("forecasts a flat path at a level inside the series' range", () => {
    fc.assert(
      fc.property(series(1, 15), fc.integer({ min: 1, max: 12 }), (y, h) => {
        const p = predict("ses", y, h);
        for (const v of p) expect(v).toBe(p[0]);
        // the level is a running convex combination of the values (0 < alpha <= 1)
        expect(p[0]).toBeGreaterThanOrEqual(Math.min(...y) - 1e-9);
        expect(p[0]).toBeLessThanOrEqual(Math.max(...y) + 1e-9);
        const { alpha } = fitSes(y);
        expect(alpha).toBeGreaterThan(0);
        expect(alpha).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });
});

describe("damped trend", () => {
  it("keeps its parameters inside the grid's bounds (phi 0.8–0.98; Holt's phi is 1)", () => {
    fc.assert(
      fc.property(series(3, 12), (y) => {
        const d = fitTrend(y, true);
        expect(d.phi).toBeGreaterThanOrEqual(0.8);
        expect(d.phi).toBeLessThanOrEqual(0.98);
        for (const v of [d.alpha, d.betaShare]) {
          expect(v).toBeGreaterThanOrEqual(0.01);
          expect(v).toBeLessThanOrEqual(1);
        }
        expect(fitTrend(y, false).phi).toBe(1);
      }),
      { numRuns: 100 },
    );
  });

  it("has a path monotone in the horizon whose steps shrink geometrically (ratio <= 0.98)", () => {
    fc.assert(
      fc.property(series(2, 12), (y) => {
        const p = predict("damped", y, 60);
        const tol = 1e-12 * Math.max(1, ...p.map(Math.abs));
        const steps = p.slice(1).map((v, i) => v - (p[i] as number));
        // every step goes the same way (the sign of the trend)
        const up = steps.some((d) => d > tol);
        const down = steps.some((d) => d < -tol);
        expect(up && down).toBe(false);
        for (let i = 1; i < steps.length; i++)
          expect(Math.abs(steps[i] as number)).toBeLessThanOrEqual(
            0.98 * Math.abs(steps[i - 1] as number) + tol,
          );
        // converges: what is left after 60 steps is at most 0.98^60 (< 0.3) of the first 10 steps' move
        const far = Math.abs((p[59] as number) - (p[49] as number));
        const near = Math.abs((p[9] as number) - (p[0] as number));
        expect(far).toBeLessThanOrEqual(0.98 ** 40 * near + tol);
      }),
      { numRuns: 150 },
    );
  });

  it("stays below Holt's undamped continuation of a rising line", () => {
    const y = line(10, 2, 8);
    const holt = predict("holt", y, 10);
    const damped = predict("damped", y, 10);
    damped.forEach((v, i) => {
      expect(v).toBeGreaterThan(y[7] as number);
      expect(v).toBeLessThan(holt[i] as number);
    });
  });
});

describe("Comb", () => {
  it("is the mean of SES, Holt and damped", () => {
    fc.assert(
      fc.property(series(1, 12), fc.integer({ min: 1, max: 15 }), (y, k) => {
        const [s, h, d] = [fitted("ses", y)(k), fitted("holt", y)(k), fitted("damped", y)(k)];
        const comb = fitted("comb", y)(k);
        const size = Math.max(1, Math.abs(s), Math.abs(h), Math.abs(d));
        expect(Math.abs(comb - (s + h + d) / 3)).toBeLessThanOrEqual(1e-12 * size);
      }),
      { numRuns: 200 },
    );
  });
});

describe("scale equivariance", () => {
  it("scaling a series by a power of two scales every method's forecasts by the same factor", () => {
    fc.assert(
      fc.property(
        quarters(1, 12),
        fc.integer({ min: -10, max: 10 }),
        method,
        fc.integer({ min: 1, max: 10 }),
        (y, e, m, h) => {
          const f = 2 ** e;
          const scaled = predict(
            m,
            y.map((v) => v * f),
            h,
          );
          expect(scaled).toEqual(predict(m, y, h).map((v) => v * f));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("chooses the same parameters for tiny values as for their scaled-up copy (ties are relative)", () => {
    const tiny = [4.687276690752339e-9, 0, 0, 0, 0, 0, 0];
    const big = tiny.map((v) => v * 1e9);
    for (const m of METHODS) {
      const a = predict(m, tiny, 3).map((v) => v * 1e9);
      const b = predict(m, big, 3);
      for (const [i, v] of a.entries()) expect(v).toBeCloseTo(b[i] as number, 9);
    }
    expect(fitTrend(tiny, false).alpha).toBe(fitTrend(big, false).alpha);
  });
});

describe("predict", () => {
  it("returns h values, h rounded up, at least 1, each the fitted method at its step", () => {
    fc.assert(
      fc.property(series(1, 8), method, finite(-5, 40), (y, m, h) => {
        const p = predict(m, y, h);
        const expected = h <= 1 ? 1 : Math.ceil(h);
        expect(p.length).toBe(expected);
        expect(p.length).toBeGreaterThanOrEqual(Math.max(1, h));
        expect(p.length).toBeLessThan(Math.max(1, h) + 1);
        const f = fitted(m, y);
        for (const [i, v] of p.entries()) expect(v).toBe(f(i + 1));
      }),
      { numRuns: 200 },
    );
    expect(predict("naive", [1, 2], 2.1)).toHaveLength(3);
    expect(predict("naive", [1, 2], 0)).toHaveLength(1);
    expect(predict("naive", [1, 2], -3)).toHaveLength(1);
    expect(predict("naive", [1, 2], 4)).toHaveLength(4);
  });
});

describe("fitted (memoised)", () => {
  it("returns the same forecasts for equal inputs (a copy of the values)", () => {
    fc.assert(
      fc.property(series(1, 10), method, (y, m) => {
        const a = fitted(m, y);
        const b = fitted(m, [...y]);
        expect(b).toBe(a);
        for (let k = 1; k <= 5; k++) expect(b(k)).toBe(a(k));
      }),
      { numRuns: 100 },
    );
  });

  it("does not confuse different values, different methods, or a series changed after fitting", () => {
    expect(fitted("naive", [1, 2, 3])(1)).toBe(3);
    expect(fitted("naive", [1, 2, 30])(1)).toBe(30);
    expect(fitted("naive", [1.5])(1)).toBe(1.5);
    expect(fitted("naive", [1, 5])(1)).toBe(5);
    expect(fitted("drift", [1, 2, 3])(2)).toBe(5);
    expect(fitted("naive", [1, 2, 3])(2)).toBe(3);
    const y = [4, 6];
    expect(fitted("drift", y)(1)).toBe(8);
    y.push(20);
    expect(fitted("drift", y)(1)).toBe(28);
  });

  it("stays correct past the memo's size limit (20 000 fits)", () => {
    for (let i = 0; i < 20_050; i++) expect(fitted("naive", [i, i + 0.25])(1)).toBe(i + 0.25);
    expect(fitted("drift", [0, 1])(3)).toBe(4);
  });
});
