import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cleanSeries,
  DEFAULT_METHOD,
  type Forecast,
  forecast,
  horizonTo,
  type Point,
  probabilityAtMost,
  stepOf,
  yearReached,
} from "./forecast.js";
import type { ScaleStrategy, ValueBounds } from "./scale.js";
import { METHODS, type SmoothingMethod } from "./smoothing.js";

const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const method = fc.constantFrom<SmoothingMethod>(...METHODS);
const strategy = fc.constantFrom<ScaleStrategy>("default", "clip", "log");
const years = (vs: readonly number[], from = 2010): Point[] => vs.map((v, i) => ({ t: from + i + 0.5, v }));

function ok(series: Point[], year: number, options: Parameters<typeof forecast>[2] = {}): Forecast {
  const r = forecast(series, year, options);
  if (!r.ok) throw new Error(`no forecast: ${r.reason.en}`);
  return r.forecast;
}

/** A series on yearly, quarterly or monthly periods, a period sometimes skipped, and a target year after it. */
const seriesOf = (values: fc.Arbitrary<number>) =>
  fc
    .record({
      vs: fc.array(values, { minLength: 3, maxLength: 20 }),
      perYear: fc.constantFrom(1, 1, 1, 4, 12),
      start: fc.integer({ min: 1990, max: 2020 }),
      skips: fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
      ahead: fc.integer({ min: 1, max: 30 }),
    })
    .map(({ vs, perYear, start, skips, ahead }) => {
      let k = 0;
      const points = vs.map((v, i) => {
        if (i > 0) k += skips[i] && i % 3 === 0 ? 2 : 1;
        return { t: start + (k + 0.5) / perYear, v };
      });
      const last = points[points.length - 1] as Point;
      return { points, year: Math.floor(last.t) + ahead };
    });

const kinds: {
  name: string;
  bounds: fc.Arbitrary<ValueBounds>;
  value: (b: ValueBounds) => fc.Arbitrary<number>;
}[] = [
  {
    name: "shares (0–100)",
    bounds: fc.constant({ min: 0, max: 100 }),
    value: () =>
      fc.oneof(finite(0, 100), fc.constantFrom(0, 100, 99.9, 0.1), fc.integer({ min: 0, max: 100 })),
  },
  {
    name: "indices (0–1)",
    bounds: fc.constant({ min: 0, max: 1 }),
    value: () => fc.oneof(finite(0, 1), fc.constantFrom(0, 1, 0.999)),
  },
  {
    name: "counts (>= 0, no max)",
    bounds: fc.constant({ min: 0, max: null }),
    value: () => fc.oneof(finite(0, 1e6), fc.integer({ min: 0, max: 1000 }), fc.constant(0)),
  },
  {
    name: "ranks (1..N, N 10–200)",
    bounds: fc.integer({ min: 10, max: 200 }).map((n) => ({ min: 1, max: n })),
    value: (b) => fc.integer({ min: 1, max: b.max as number }),
  },
];

function checkBands(f: Forecast, b: ValueBounds, requireFinite: boolean) {
  const xs = [f.low, f.low80, f.value, f.high80, f.high];
  for (const x of xs) {
    expect(Number.isNaN(x)).toBe(false);
    if (requireFinite) expect(Number.isFinite(x)).toBe(true);
    if (b.min !== null) expect(x).toBeGreaterThanOrEqual(b.min);
    if (b.max !== null) expect(x).toBeLessThanOrEqual(b.max);
  }
  for (let i = 1; i < xs.length; i++) {
    const hi = xs[i] as number;
    expect(xs[i - 1]).toBeLessThanOrEqual(hi + 1e-9 * Math.max(1, Math.abs(hi)));
  }
}

describe("forecast never crosses a bound", () => {
  for (const kind of kinds) {
    it(`${kind.name}: every method, 1–30 years ahead, every strategy`, () => {
      const input = kind.bounds.chain((b) => fc.tuple(fc.constant(b), seriesOf(kind.value(b))));
      fc.assert(
        fc.property(input, method, strategy, ([b, { points, year }], m, s) => {
          const f = ok(points, year, { bounds: b, method: m, strategy: s });
          // a count on the log scale (no maximum) can overflow to Infinity far ahead: bounds and order only
          checkBands(f, b, !(s === "log" && b.max === null));
          expect(f.method).toBe(m);
          expect(f.horizon).toBeGreaterThanOrEqual(1);
          expect(f.dist.half95).toBeGreaterThanOrEqual(f.dist.half80);
        }),
        { numRuns: 150 },
      );
    });
  }
});

describe("too few points", () => {
  it("fewer than 3 distinct finite points, or fewer than minPoints, is no forecast", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 }), (n, minPoints) => {
        const needed = Math.max(3, minPoints);
        const r = forecast(years(Array.from({ length: n }, (_, i) => i)), 2040, { minPoints });
        expect(r.ok).toBe(n >= needed);
        if (!r.ok) {
          expect(r.reason.code).toBe("too_few_points");
          expect(r.reason.vi).toContain(`chưa đủ ${needed} kỳ số liệu`);
          expect(r.reason.vi).toContain(`hiện có ${n}`);
          expect(r.reason.en).toContain(`fewer than ${needed} values`);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("counts points after cleaning (duplicate times and non-finite values do not count)", () => {
    const r = forecast(
      [
        { t: 2020.5, v: 1 },
        { t: 2020.5, v: 2 },
        { t: 2021.5, v: Number.NaN },
        { t: 2022.5, v: 3 },
        { t: Number.POSITIVE_INFINITY, v: 4 },
      ],
      2030,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.vi).toBe("chưa đủ 3 kỳ số liệu để dự báo (hiện có 2)");
  });
});

describe("cleanSeries", () => {
  it("sorts by time, keeps the later of duplicates and drops non-finite entries", () => {
    expect(
      cleanSeries([
        { t: 2022.5, v: 5 },
        { t: 2020.5, v: 1 },
        { t: 2022.5, v: 7 },
        { t: 2021.5, v: Number.POSITIVE_INFINITY },
        { t: 2021.5, v: 3 },
        { t: 2020.5, v: Number.NaN },
      ]),
    ).toEqual([
      { t: 2020.5, v: 1 },
      { t: 2021.5, v: 3 },
      { t: 2022.5, v: 7 },
    ]);
  });

  it("keeps, for each time, the last finite value given", () => {
    const entry = fc.record({
      t: fc.integer({ min: 0, max: 6 }),
      v: fc.oneof(finite(-10, 10), fc.constant(Number.NaN)),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 25 }), (input) => {
        const out = cleanSeries(input);
        for (let i = 1; i < out.length; i++)
          expect((out[i] as Point).t).toBeGreaterThan((out[i - 1] as Point).t);
        for (const t of [0, 1, 2, 3, 4, 5, 6]) {
          const given = input.filter((p) => p.t === t && Number.isFinite(p.v));
          const kept = out.filter((p) => p.t === t);
          if (given.length === 0) expect(kept).toEqual([]);
          else expect(kept).toEqual([given[given.length - 1]]);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("stepOf and horizonTo", () => {
  it("stepOf is the median gap (the lower middle one for an even count)", () => {
    const at = (...ts: number[]) => ts.map((t) => ({ t, v: 0 }));
    expect(stepOf(years([1, 2, 3, 4]))).toBe(1);
    // gaps 1, 2, 1, 3: sorted 1, 1, 2, 3, the lower middle is 1; gaps 2, 3, 1: the median is 2
    expect(stepOf(at(0, 1, 3, 4, 7))).toBe(1);
    expect(stepOf(at(0, 2, 5, 6))).toBe(2);
    expect(stepOf([{ t: 2020.5, v: 0 }])).toBe(1);
    const monthly = Array.from({ length: 7 }, (_, i) => ({ t: 2020 + (i + 0.5) / 12, v: 0 }));
    expect(stepOf(monthly)).toBeCloseTo(1 / 12, 12);
  });

  it("stepOf has at least half of the gaps at or below it and at least half at or above it", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 15 }), (gaps) => {
        const points = [{ t: 2000, v: 0 }];
        for (const g of gaps) points.push({ t: (points[points.length - 1] as Point).t + g, v: 0 });
        const s = stepOf(points);
        expect(gaps).toContain(s);
        expect(2 * gaps.filter((g) => g <= s).length).toBeGreaterThanOrEqual(gaps.length);
        expect(2 * gaps.filter((g) => g >= s).length).toBeGreaterThanOrEqual(gaps.length);
      }),
      { numRuns: 200 },
    );
  });

  it("yearly points: the target year minus the last year (0 when already reached)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 15 }),
        fc.integer({ min: 1980, max: 2030 }),
        fc.integer({ min: -5, max: 60 }),
        (n, from, d) => {
          const points = years(Array(n).fill(1), from);
          const lastYear = from + n - 1;
          expect(horizonTo(points, lastYear + d)).toBe(Math.max(0, d));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("monthly and quarterly points: the periods up to the end of the target year", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(4, 12),
        fc.integer({ min: 4, max: 30 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 2000, max: 2030 }),
        fc.integer({ min: 0, max: 30 }),
        (perYear, n, first, startYear, d) => {
          const points = Array.from({ length: n }, (_, i) => ({
            t: startYear + (first + i + 0.5) / perYear,
            v: 1,
          }));
          const lastIndex = first + n - 1;
          const lastYear = startYear + Math.floor(lastIndex / perYear);
          const lastPeriod = (lastIndex % perYear) + 1; // 1..perYear within its year
          expect(horizonTo(points, lastYear + d)).toBe(perYear * d + (perYear - lastPeriod));
        },
      ),
      { numRuns: 200 },
    );
    // a series ending in March 2024, to December 2025: 9 + 12 months
    const toMarch = Array.from({ length: 6 }, (_, i) => ({ t: 2023 + (9 + i + 0.5) / 12, v: 1 }));
    expect(horizonTo(toMarch, 2025)).toBe(21);
  });
});

describe("the forecast itself", () => {
  it("continues a line with drift: value, trend and horizon", () => {
    const f = ok(years([10, 12, 14, 16, 18]), 2019, { method: "drift" });
    expect(f.horizon).toBe(5);
    expect(f.value).toBeCloseTo(28, 9);
    expect(f.trend).toBeCloseTo(2, 9);
    expect(f.pointCount).toBe(5);
  });

  it("uses the damped trend by default", () => {
    expect(DEFAULT_METHOD).toBe("damped");
    expect(ok(years([1, 3, 2, 5]), 2020).method).toBe("damped");
  });

  it("at the last point's year: the last value, no band, no trend", () => {
    const f = ok(years([10, 12, 15, 13]), 2013, { bounds: { min: 0, max: null } });
    expect(f.horizon).toBe(0);
    expect(f.value).toBe(13);
    expect([f.low, f.low80, f.high80, f.high]).toEqual([13, 13, 13, 13]);
    expect(f.trend).toBe(0);
  });

  it("reads a quarterly series' band in years: 3 quarters ahead is 0.75 of a year", () => {
    // 5 quarters rising 1 a quarter, last Q1 2021; to Q4 2021 is 3 steps, 0.75 years. Under two
    // yearly pairs the yearly scale is a step's mean change times 4; the pooled quantile below
    // a year is the first row times the square root of the years.
    const points = [10, 11, 12, 13, 14].map((v, i) => ({ t: 2020 + (i + 0.5) / 4, v }));
    const f = ok(points, 2021, { method: "damped" });
    expect(f.horizon).toBe(3);
    expect(f.dist.half80).toBeCloseTo(1.666 * Math.sqrt(0.75) * 4, 9);
    expect(f.dist.half95).toBeCloseTo(3.173 * Math.sqrt(0.75) * 4, 9);
  });

  it("bandSource is pooled below 8 points and own with 12 noisy points", () => {
    for (const n of [3, 5, 7]) {
      const f = ok(years([5, 7, 6, 9, 8, 11, 10].slice(0, n)), 2030);
      expect(f.bandSource).toBe("pooled");
      expect(f.holdoutError).toBeNull();
    }
    const noisy = [50, 53, 49, 56, 52, 60, 55, 61, 58, 66, 59, 68];
    const f = ok(years(noisy), 2023);
    expect(f.bandSource).toBe("own");
    expect(f.holdoutError).toBeGreaterThan(0);
    // too far for the own errors (12 points give one-origin errors up to 9 steps): pooled again
    expect(ok(years(noisy), 2021 + 20).bandSource).toBe("pooled");
  });
});

describe("probabilityAtMost", () => {
  const input = fc
    .constantFrom(...kinds)
    .chain((kind) => kind.bounds.chain((b) => fc.tuple(fc.constant(b), seriesOf(kind.value(b)))));

  it("is monotone in x, 0 below the lower bound and 1 at or above the upper bound", () => {
    fc.assert(
      fc.property(
        input,
        method,
        strategy,
        finite(-50, 1200),
        finite(-50, 1200),
        ([b, { points, year }], m, s, a, c) => {
          const f = ok(points, year, { bounds: b, method: m, strategy: s });
          const [lo, hi] = a <= c ? [a, c] : [c, a];
          const p = probabilityAtMost(f, lo);
          const q = probabilityAtMost(f, hi);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(q).toBeLessThanOrEqual(1);
          expect(p).toBeLessThanOrEqual(q);
          if (b.min !== null) expect(probabilityAtMost(f, b.min - 1e-6 - Math.abs(a))).toBe(0);
          if (b.max !== null) {
            expect(probabilityAtMost(f, b.max)).toBe(1);
            expect(probabilityAtMost(f, b.max + Math.abs(c))).toBe(1);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("agrees with the bands shown: 0.1 at low80, 0.5 at the value, 0.9 at high80, 0.975 at high", () => {
    const f = ok(years([1000, 1100, 1050, 1200, 1150, 1300]), 2017, { bounds: { min: 0, max: null } });
    expect(f.low).toBeGreaterThan(0);
    expect(probabilityAtMost(f, f.low80)).toBeCloseTo(0.1, 4);
    expect(probabilityAtMost(f, f.value)).toBeCloseTo(0.5, 4);
    expect(probabilityAtMost(f, f.high80)).toBeCloseTo(0.9, 4);
    expect(probabilityAtMost(f, f.high)).toBeCloseTo(0.975, 4);
    expect(probabilityAtMost(f, -1)).toBe(0);
  });

  it("is 0 at the lower bound of a logit scale (nothing but the bound is at or below it)", () => {
    const f = ok(years([3, 2, 1, 0.5]), 2030, { bounds: { min: 0, max: 100 } });
    expect(probabilityAtMost(f, 0)).toBe(0);
    expect(probabilityAtMost(f, 1e-3)).toBeGreaterThan(0);
    expect(probabilityAtMost(f, 100)).toBe(1);
  });
});

describe("yearReached", () => {
  it("on a clearly rising series: no later than any year whose forecast meets the target", () => {
    fc.assert(
      fc.property(
        fc.array(finite(0.5, 3), { minLength: 3, maxLength: 12 }),
        finite(0, 50),
        fc.constantFrom<SmoothingMethod>("drift", "holt", "damped", "theta", "comb"),
        finite(1, 40),
        (rises, base, m, above) => {
          const vs: number[] = [];
          for (const r of rises) vs.push((vs[vs.length - 1] ?? base) + r);
          const series = years(vs, 2000);
          const lastYear = 2000 + vs.length - 1;
          const target = (vs[vs.length - 1] as number) + above;
          const f = ok(series, lastYear + 1, { method: m });
          const y = yearReached(series, f, target, true);
          for (let Y = lastYear + 1; Y <= lastYear + 30; Y++) {
            const meets = ok(series, Y, { method: m }).value >= target;
            if (meets) {
              expect(y).not.toBeNull();
              expect(y as number).toBeLessThanOrEqual(Y);
            }
            if (y !== null && Y === y) expect(meets).toBe(true);
            if (y !== null && Y < y) expect(meets).toBe(false);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("examples: a line, a falling rank, a flat series and the limit year", () => {
    const line = years([10, 12, 14, 16], 2020); // last 2023: 16, +2 a year with drift
    const f = ok(line, 2030, { method: "drift" });
    expect(yearReached(line, f, 21, true)).toBe(2026);
    expect(yearReached(line, f, 15, true)).toBe(2023);
    expect(yearReached(line, f, 30, true, 2029)).toBeNull();
    const rank = years([80, 70, 60], 2020);
    const g = ok(rank, 2030, { method: "drift", bounds: { min: 1, max: 150 }, strategy: "clip" });
    expect(yearReached(rank, g, 40, false)).toBe(2024);
    const flat = years([5, 5, 5, 5]);
    expect(yearReached(flat, ok(flat, 2030), 6, true)).toBeNull();
    expect(yearReached(years([1, 2]), f, 0, true)).toBeNull();
  });
});

describe("probabilityAtMost just inside an upper bound", () => {
  it("stays near 1 where rounding puts the logit at +∞", () => {
    const r = forecast(years([-100, -90, -80], 2020), 2030, { bounds: { min: -990, max: -65 } });
    if (!r.ok) throw new Error("no forecast");
    expect(probabilityAtMost(r.forecast, -65.0000001)).toBeGreaterThan(0.9);
    expect(probabilityAtMost(r.forecast, -65.00000000000001)).toBeGreaterThan(0.9);
    expect(probabilityAtMost(r.forecast, -65)).toBe(1);
  });
});

describe("a series that started flat", () => {
  it("keeps a sane band (its flat prefixes' errors are not blown up by their near-zero scale)", () => {
    const r = forecast(years([0, 0, 0, 0, 0, 5, 6, 7, 8, 9, 10], 2015), 2030, {
      bounds: { min: 0, max: null },
    });
    if (!r.ok) throw new Error("no forecast");
    expect(r.forecast.high80).toBeLessThan(100);
    expect(r.forecast.low80).toBeGreaterThan(0);
  });
});
