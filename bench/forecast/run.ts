/**
 * One back-test run (PROTOCOL.md): every method and scale strategy over every case, in two passes.
 * Pass 1 makes the point forecasts and collects scaled errors by horizon; pass 2 builds each
 * series' bands from the other series' errors (leave-one-series-out) and scores bands, chances
 * and verdicts.
 */
import { higherIsBetter, meets, probabilityOfMeeting } from "../../src/domain/assessment/assess.js";
import { type Forecast, forecast, type Point } from "../../src/domain/assessment/forecast.js";
import type { PooledTable } from "../../src/domain/assessment/pooled-errors.js";
import { type ScaleStrategy, scaleFor } from "../../src/domain/assessment/scale.js";
import { fitted, METHODS, type SmoothingMethod } from "../../src/domain/assessment/smoothing.js";
import { cdfFromBands, quantile, seriesScale } from "../../src/domain/assessment/uncertainty.js";
import { boundsOf, type Case, MAX_HORIZON, naiveVerdict, statCanVerdict } from "./cases.js";
import * as legacy from "./legacy.js";

export type Candidate = SmoothingMethod | "select" | "trend-before";
export const CANDIDATES: Candidate[] = [...METHODS, "select", "trend-before"];
export const STRATEGIES: ScaleStrategy[] = ["default", "clip", "log"];

export interface Scores {
  method: Candidate;
  strategy: ScaleStrategy | "-";
  mase: number;
  relMae: number;
  cover80: number;
  cover95: number;
  verdict: number;
  verdictReal: number | null;
  brier: number | null;
  violations: number;
  cases: number;
  byWindow: Record<number, number>;
  cover80ByWindow: Record<number, number>;
}

const SELECT_FROM: SmoothingMethod[] = ["naive", "drift", "ses", "holt", "damped", "theta"];

/** "select": the method with the smallest rolling-origin one-step error on the window. */
export function selectMethod(z: readonly number[]): SmoothingMethod {
  if (z.length < 4) return "comb";
  let best: SmoothingMethod = "comb";
  let bestErr = Number.POSITIVE_INFINITY;
  for (const m of SELECT_FROM) {
    let err = 0;
    for (let o = 3; o < z.length; o++) err += Math.abs((z[o] as number) - fitted(m, z.slice(0, o))(1));
    if (err < bestErr - 1e-12) {
      bestErr = err;
      best = m;
    }
  }
  return best;
}

const meanAbsChange = (vs: readonly number[]) => {
  let s = 0;
  for (let i = 1; i < vs.length; i++) s += Math.abs((vs[i] as number) - (vs[i - 1] as number));
  return vs.length > 1 ? s / (vs.length - 1) : 0;
};

/** Quantile table of |scaled error| by horizon, from the errors of every series but `except`. */
export function tableFrom(errors: Map<string, number[][]>, except?: string): PooledTable {
  const q80: number[] = [];
  const q95: number[] = [];
  for (let h = 1; h <= MAX_HORIZON; h++) {
    const all: number[] = [];
    for (const [sid, byH] of errors) if (sid !== except) all.push(...(byH[h - 1] ?? []));
    all.sort((a, b) => a - b);
    q80.push(all.length ? quantile(all, 0.8) : 1);
    q95.push(all.length ? quantile(all, 0.95) : 2);
  }
  return { q80, q95 };
}

/** Pass 1: the method each case uses, and |scaled errors| by series and horizon. */
export function scaledErrors(
  cases: readonly Case[],
  method: SmoothingMethod | "select",
  strategy: ScaleStrategy,
) {
  const errors = new Map<string, number[][]>();
  for (const c of cases) {
    const scale = scaleFor(boundsOf(c.fixture), strategy);
    const z = c.train.map((p) => scale.to(p.v));
    const m = method === "select" ? selectMethod(z) : method;
    const model = fitted(m, z);
    const s = seriesScale(z);
    const byH = errors.get(c.series) ?? Array.from({ length: MAX_HORIZON }, () => []);
    for (const o of c.outcomes) (byH[o.h - 1] as number[]).push(Math.abs(scale.to(o.value) - model(o.h)) / s);
    errors.set(c.series, byH);
  }
  return errors;
}

interface Tally {
  perSeries: Map<string, { sum: number; n: number }>;
  logRatios: number[];
  byWindow: Map<number, number[]>;
  windowCover: Map<number, { in80: number; n: number }>;
  in80: number;
  in95: number;
  scored: number;
  right: number;
  judged: number;
  rightReal: number;
  judgedReal: number;
  brier: number;
  violations: number;
}

const outside = (c: Case, v: number) => {
  const b = boundsOf(c.fixture);
  return (b.min !== null && v < b.min - 1e-9) || (b.max !== null && v > b.max + 1e-9);
};

function legacyForecast(c: Case, year: number): Forecast | null {
  const r = legacy.forecast(c.train, year);
  if (!r.ok) return null;
  const f = r.forecast;
  const half95 = (f.high - f.low) / 2;
  // The old trend had only a 95 % band; its 80 % band is the same band scaled as a normal's.
  const half80 = (half95 * 1.2816) / 1.96;
  return {
    method: "comb",
    year,
    value: f.value,
    low: f.low,
    high: f.high,
    low80: f.value - half80,
    high80: f.value + half80,
    holdoutError: f.holdoutError,
    trend: f.trend,
    horizon: 0,
    pointCount: c.train.length,
    bandSource: "own",
    dist: { bounds: { min: null, max: null }, strategy: "clip", centre: f.value, half80, half95 },
  };
}

export function score(
  cases: readonly Case[],
  method: Candidate,
  strategy: ScaleStrategy,
  errors: Map<string, number[][]> | null,
): Scores {
  const t: Tally = {
    perSeries: new Map(),
    logRatios: [],
    byWindow: new Map(),
    windowCover: new Map(),
    in80: 0,
    in95: 0,
    scored: 0,
    right: 0,
    judged: 0,
    rightReal: 0,
    judgedReal: 0,
    brier: 0,
    violations: 0,
  };
  const tables = new Map<string, PooledTable>();
  for (const c of cases) {
    let pooled: PooledTable | undefined;
    if (errors) {
      pooled = tables.get(c.series) ?? tableFrom(errors, c.series);
      tables.set(c.series, pooled);
    }
    const scale = scaleFor(boundsOf(c.fixture), strategy);
    const m: SmoothingMethod | null =
      method === "trend-before"
        ? null
        : method === "select"
          ? selectMethod(c.train.map((p) => scale.to(p.v)))
          : method;
    const naiveLast = (c.train[c.train.length - 1] as Point).v;
    const denom = meanAbsChange(c.train.map((p) => p.v));
    let absSum = 0;
    let naiveSum = 0;
    for (const o of c.outcomes) {
      const f =
        m === null
          ? legacyForecast(c, o.year)
          : (() => {
              const r = forecast(c.train, o.year, {
                method: m,
                bounds: boundsOf(c.fixture),
                strategy,
                pooled,
              });
              return r.ok ? r.forecast : null;
            })();
      if (!f) continue;
      const err = Math.abs(f.value - o.value);
      absSum += err;
      naiveSum += Math.abs(naiveLast - o.value);
      if (denom > 0) {
        const s = t.perSeries.get(c.series) ?? { sum: 0, n: 0 };
        s.sum += err / denom;
        s.n++;
        t.perSeries.set(c.series, s);
      }
      t.scored++;
      const inside80 = o.value >= f.low80 && o.value <= f.high80;
      if (inside80) t.in80++;
      const wc = t.windowCover.get(c.window) ?? { in80: 0, n: 0 };
      wc.in80 += inside80 ? 1 : 0;
      wc.n++;
      t.windowCover.set(c.window, wc);
      if (o.value >= f.low && o.value <= f.high) t.in95++;
      for (const v of [f.value, f.low, f.high, f.low80, f.high80]) if (outside(c, v)) t.violations++;
      for (const j of c.targets.get(o.year) ?? []) {
        let p: number;
        let said: boolean;
        if (m === null) {
          // The old trend's verdict was its point forecast; a chance from its band feeds the Brier score.
          const half = (f.high - f.low) / 2;
          const below = cdfFromBands(j.target.value ?? 0, f.value, (half * 1.2816) / 1.96, half);
          p = higherIsBetter(j.target) ? 1 - below : below;
          said = meets(j.target, f.value);
        } else {
          p = probabilityOfMeeting(j.target, f);
          said = p >= 0.5;
        }
        t.right += said === j.reached ? 1 : 0;
        if (j.real) t.rightReal += said === j.reached ? 1 : 0;
        t.brier += (p - (j.reached ? 1 : 0)) ** 2;
        t.judged++;
        if (j.real) t.judgedReal++;
      }
    }
    if (naiveSum > 0 && absSum > 0) {
      const lr = Math.log(absSum / naiveSum);
      t.logRatios.push(lr);
      const w = t.byWindow.get(c.window) ?? [];
      w.push(lr);
      t.byWindow.set(c.window, w);
    }
  }
  const series = [...t.perSeries.values()].map((s) => s.sum / s.n);
  const gmean = (xs: number[]) => Math.exp(xs.reduce((a, b) => a + b, 0) / xs.length);
  return {
    method,
    strategy: method === "trend-before" ? "-" : strategy,
    mase: series.reduce((a, b) => a + b, 0) / series.length,
    relMae: gmean(t.logRatios),
    cover80: t.in80 / t.scored,
    cover95: t.in95 / t.scored,
    verdict: t.right / t.judged,
    verdictReal: t.judgedReal ? t.rightReal / t.judgedReal : null,
    brier: t.brier / t.judged,
    violations: t.violations,
    cases: cases.length,
    byWindow: Object.fromEntries([...t.byWindow].map(([w, xs]) => [w, gmean(xs)])),
    cover80ByWindow: Object.fromEntries([...t.windowCover].map(([w, c]) => [w, c.in80 / c.n])),
  };
}

export function baselineVerdicts(cases: readonly Case[]) {
  let naive = 0;
  let statcan = 0;
  let naiveReal = 0;
  let statcanReal = 0;
  let n = 0;
  let nReal = 0;
  for (const c of cases)
    for (const o of c.outcomes)
      for (const j of c.targets.get(o.year) ?? []) {
        const a = naiveVerdict(c.train, j.target) === j.reached ? 1 : 0;
        const b = statCanVerdict(c.train, j.target) === j.reached ? 1 : 0;
        naive += a;
        statcan += b;
        n++;
        if (j.real) {
          naiveReal += a;
          statcanReal += b;
          nReal++;
        }
      }
  return {
    naive: naive / n,
    statcan: statcan / n,
    naiveReal: nReal ? naiveReal / nReal : null,
    statcanReal: nReal ? statcanReal / nReal : null,
    judged: n,
    judgedReal: nReal,
  };
}
