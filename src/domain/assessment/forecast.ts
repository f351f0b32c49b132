/**
 * Forecasting an indicator's series to a target year (docs/decisions/0011):
 *
 * - the method is the same for every series, the damped trend (Gardner–McKenzie): in the
 *   back-test (bench/forecast) it had the smallest error of the candidates on both the main and the
 *   Southeast Asian set, beat the naive forecast and the former straight/compound trend, and
 *   choosing a method per series did not pay on the independent set;
 * - the series is forecast on a scale that keeps the indicator's bounds (scale.ts);
 * - the bands (80 % and 95 %) come from rolling-origin errors (uncertainty.ts), and so does the
 *   chance of meeting a target (`probabilityAtMost`).
 *
 * Points are equally spaced steps for the methods: the step is the median gap between points
 * (a year, a quarter, a month), and a missing period is simply skipped. With fewer than 3 points
 * there is no forecast, and the reason says so.
 */
import type { PooledTable } from "./pooled-errors.js";
import { NO_BOUNDS, type ScaleStrategy, scaleFor, type ValueBounds } from "./scale.js";
import { fitted, type SmoothingMethod } from "./smoothing.js";
import { bandQuantiles, cdfFromBands, OWN_ERRORS_FROM, yearlyScale } from "./uncertainty.js";

export interface Point {
  /** Decimal year (periods.midYear). */
  t: number;
  v: number;
}

export type Method = SmoothingMethod;

export const DEFAULT_METHOD: Method = "damped";
/** Fewer points than this is no forecast (an indicator may ask for more). */
export const MIN_POINTS = 3;
/** Rolling origins used for a series' own errors: the most recent ones. */
const MAX_ORIGINS = 12;

export interface ForecastOptions {
  bounds?: ValueBounds;
  method?: Method;
  strategy?: ScaleStrategy;
  /** At least this many points (never fewer than MIN_POINTS). */
  minPoints?: number;
  /** The pooled error table to use instead of the committed one (the back-test's leave-one-out). */
  pooled?: PooledTable;
}

export interface Forecast {
  method: Method;
  year: number;
  value: number;
  /** 95 % band. */
  low: number;
  high: number;
  /** 80 % band. */
  low80: number;
  high80: number;
  /** Mean absolute error of the method's one-step forecasts of this series' recent points (null: too short). */
  holdoutError: number | null;
  /** Average yearly change from the latest value to the forecast (same unit as the values). */
  trend: number;
  /** Steps between the latest point and the target year's last period. */
  horizon: number;
  pointCount: number;
  /** Where the band's width comes from: this series' own past errors, or the back-test's pooled ones. */
  bandSource: "own" | "pooled";
  /** The forecast on the scale it was made on, for probabilities. */
  dist: { bounds: ValueBounds; strategy: ScaleStrategy; centre: number; half80: number; half95: number };
}

export type ForecastReason = { code: "too_few_points"; vi: string; en: string };

export type ForecastResult = { ok: true; forecast: Forecast } | { ok: false; reason: ForecastReason };

/** Points sorted by time, one per time (the later entry wins), finite only. */
export function cleanSeries(series: readonly Point[]): Point[] {
  const byT = new Map<number, number>();
  for (const p of series) if (Number.isFinite(p.v) && Number.isFinite(p.t)) byT.set(p.t, p.v);
  return [...byT].map(([t, v]) => ({ t, v })).sort((a, b) => a.t - b.t);
}

/** The series' step in years: the median gap between consecutive points. */
export function stepOf(points: readonly Point[]): number {
  const gaps = points.slice(1).map((p, i) => p.t - (points[i] as Point).t);
  if (gaps.length === 0) return 1;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor((gaps.length - 1) / 2)] as number;
}

/** Steps from the latest point to the last period of `year` (0 when the data already reach it). */
export function horizonTo(points: readonly Point[], year: number): number {
  return stepsTo(stepOf(points), (points[points.length - 1] as Point).t, year);
}

/** Steps of `step` years from time `t` to the last period of `year` (0 when t already reaches it). */
function stepsTo(step: number, t: number, year: number): number {
  return Math.max(0, Math.round((year + 1 - step / 2 - t) / step));
}

export function tooFewReason(count: number, needed = MIN_POINTS): ForecastReason {
  return {
    code: "too_few_points",
    vi: `chưa đủ ${needed} kỳ số liệu để dự báo (hiện có ${count})`,
    en: `fewer than ${needed} values to forecast from (${count} so far)`,
  };
}

/**
 * Rolling-origin errors of `method` on z, by horizon (1..hMax), each in units of its training
 * prefix's scale (as the pooled table's are), and the origins of the one-step errors. A prefix
 * whose scale is under a tenth of the whole series' (a series that started flat) is skipped: its
 * errors in those units would be enormous and blow the band up.
 */
function ownErrors(method: Method, z: readonly number[], hMax: number, stepsPerYear: number, scale: number) {
  const byH: number[][] = Array.from({ length: hMax }, () => []);
  const oneStep: number[] = [];
  for (let o = Math.max(MIN_POINTS, z.length - MAX_ORIGINS); o < z.length; o++) {
    const train = z.slice(0, o);
    const s = yearlyScale(train, stepsPerYear);
    if (s < 0.1 * scale) continue;
    const f = fitted(method, train);
    for (let k = 1; k <= hMax && o + k - 1 < z.length; k++) {
      const e = (z[o + k - 1] as number) - f(k);
      (byH[k - 1] as number[]).push(e / s);
      if (k === 1) oneStep.push(o);
    }
  }
  return { byH, oneStepOrigins: oneStep };
}

export function forecast(series: Point[], year: number, options: ForecastOptions = {}): ForecastResult {
  const points = cleanSeries(series);
  const needed = Math.max(MIN_POINTS, options.minPoints ?? MIN_POINTS);
  if (points.length < needed) return { ok: false, reason: tooFewReason(points.length, needed) };
  // cleanSeries keeps one point per time, so the step is positive.
  const step = stepOf(points);
  const method = options.method ?? DEFAULT_METHOD;
  const bounds = options.bounds ?? NO_BOUNDS;
  const strategy = options.strategy ?? "default";
  const scale = scaleFor(bounds, strategy);
  const z = points.map((p) => scale.to(p.v));
  const last = points[points.length - 1] as Point;
  const h = horizonTo(points, year);
  const model = fitted(method, z);
  const centre = h === 0 ? (z[z.length - 1] as number) : model(h);
  // Errors are read on a yearly clock (the pooled table's): a quarterly series 17 steps ahead is
  // 4.25 years ahead.
  const stepsPerYear = Math.max(1, Math.round(1 / step));
  const s = yearlyScale(z, stepsPerYear);
  const own = points.length >= OWN_ERRORS_FROM ? ownErrors(method, z, Math.max(1, h), stepsPerYear, s) : null;
  const q =
    h === 0
      ? { q80: 0, q95: 0 }
      : bandQuantiles(
          method,
          h / stepsPerYear,
          points.length,
          own ? own.byH[h - 1] : undefined,
          options.pooled,
        );
  const half80 = q.q80 * s;
  const half95 = q.q95 * s;
  const value = scale.from(centre);
  let holdoutError: number | null = null;
  if (own && own.oneStepOrigins.length > 0) {
    let sum = 0;
    for (const o of own.oneStepOrigins)
      sum += Math.abs(scale.from(fitted(method, z.slice(0, o))(1)) - (points[o] as Point).v);
    holdoutError = sum / own.oneStepOrigins.length;
  }
  const years = year + 1 - step / 2 - last.t || 1;
  return {
    ok: true,
    forecast: {
      method,
      year,
      value,
      low: scale.from(centre - half95),
      high: scale.from(centre + half95),
      low80: scale.from(centre - half80),
      high80: scale.from(centre + half80),
      holdoutError,
      trend: h === 0 ? 0 : (value - last.v) / years,
      horizon: h,
      pointCount: points.length,
      bandSource: own?.byH[h - 1]?.length ? "own" : "pooled",
      dist: { bounds, strategy, centre, half80, half95 },
    },
  };
}

/** The chance that the outcome forecast by `f` is at most `x`. */
export function probabilityAtMost(f: Forecast, x: number): number {
  const { bounds, strategy, centre, half80, half95 } = f.dist;
  if (bounds.max !== null && x >= bounds.max) return 1;
  if (bounds.min !== null && x < bounds.min) return 0;
  const scale = scaleFor(bounds, strategy);
  // At the lower bound itself the logit is −∞: nothing but the bound is at or below it.
  // Just inside a bound, rounding can put the logit at ±∞: at the top everything is at most x,
  // at the bottom nothing is below it.
  const z = scale.toExact(x);
  if (z === Number.POSITIVE_INFINITY) return 1;
  return cdfFromBands(z, centre, half80, half95);
}

/** The first year (from the latest point on, up to `until`) in which the forecast reaches `target`. */
export function yearReached(
  series: Point[],
  f: Forecast,
  target: number,
  higherBetter: boolean,
  until = 2100,
): number | null {
  const points = cleanSeries(series);
  const last = points[points.length - 1];
  if (!last || points.length < MIN_POINTS) return null;
  const scale = scaleFor(f.dist.bounds, f.dist.strategy);
  const model = fitted(
    f.method,
    points.map((p) => scale.to(p.v)),
  );
  const step = stepOf(points);
  for (let y = Math.floor(last.t); y <= until; y++) {
    const h = stepsTo(step, last.t, y);
    const v = h === 0 ? last.v : scale.from(model(h));
    if (higherBetter ? v >= target : v <= target) return y;
  }
  return null;
}
