/**
 * How far a forecast may be off, from how far such forecasts were off before (rolling-origin
 * errors), never from a model's textbook variance: on 3–12 yearly points the textbook bands of
 * trend models are far too narrow (bench/forecast measures it).
 *
 * Errors are kept "scaled": divided by the series' mean absolute yearly change on the forecast
 * scale (the MASE denominator), so they pool across series of different units. A band at `h`
 * steps is the series' own scale times the 80 % or 95 % quantile of |scaled error| at `h`:
 *
 * - a series of at least OWN_ERRORS_FROM points uses its own rolling-origin errors, shrunk toward
 *   the pooled quantiles by SHRINK pseudo-errors (a handful of own errors is a noisy quantile);
 * - a shorter one uses the pooled quantiles alone (bench/forecast's back-test set, in
 *   pooled-errors.ts), rather than the one or two errors it has.
 *
 * The chance of meeting a target comes from the same quantiles: a distribution symmetric on the
 * forecast scale whose 80 % and 95 % intervals are exactly the bands.
 */
import { POOLED_SCALED_ERRORS, type PooledTable } from "./pooled-errors.js";
import type { SmoothingMethod } from "./smoothing.js";

export const OWN_ERRORS_FROM = 8;
const SHRINK = 5;

export interface Quantiles {
  q80: number;
  q95: number;
}

/** Mean absolute one-step change: the scale errors are measured in (floored for flat series). */
export function seriesScale(z: readonly number[]): number {
  let sum = 0;
  for (let i = 1; i < z.length; i++) sum += Math.abs((z[i] as number) - (z[i - 1] as number));
  const mean = z.length > 1 ? sum / (z.length - 1) : 0;
  const size = z.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  return Math.max(mean, 1e-6 * Math.max(1, size));
}

/** Empirical quantile with linear interpolation (type 7, as R's default). */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const x = (sorted.length - 1) * p;
  const lo = Math.floor(x);
  const hi = Math.ceil(x);
  const a = sorted[lo] as number;
  return a + ((sorted[hi] as number) - a) * (x - lo);
}

/**
 * Pooled quantiles `h` years ahead (fractional for sub-yearly series): the table's own rows at
 * whole years, linear between them, shrinking as the square root of h below one year, and
 * beyond the table grown as a power of h fitted to its ends.
 */
export function pooledQuantiles(
  method: SmoothingMethod,
  h: number,
  table: PooledTable = POOLED_SCALED_ERRORS[method],
): Quantiles {
  const n = table.q80.length;
  const at = (arr: readonly number[], k: number) => arr[Math.min(Math.max(k, 1), n) - 1] as number;
  const one = (arr: readonly number[]) => {
    if (h <= 1) return at(arr, 1) * Math.sqrt(Math.max(h, 0));
    if (h <= n) {
      const lo = Math.floor(h);
      return at(arr, lo) + (at(arr, Math.ceil(h)) - at(arr, lo)) * (h - lo);
    }
    const g = Math.log(at(arr, n) / at(arr, 1)) / Math.log(n);
    const gamma = Number.isFinite(g) ? Math.min(1, Math.max(0.5, g)) : 0.5;
    return at(arr, n) * (h / n) ** gamma;
  };
  return { q80: one(table.q80), q95: one(table.q95) };
}

/**
 * The scale errors are measured in, on a yearly clock: the mean absolute change over one year
 * (the series' own step for yearly series; for monthly or quarterly ones the change over 12 or 4
 * steps, or, with under two such pairs, a step's change times the steps in a year). The pooled
 * table was built from yearly series, so sub-yearly ones are read against it in years.
 */
export function yearlyScale(z: readonly number[], stepsPerYear: number): number {
  const lag = Math.max(1, Math.round(stepsPerYear));
  if (lag === 1) return seriesScale(z);
  if (z.length < lag + 2) return seriesScale(z) * lag;
  let sum = 0;
  for (let i = lag; i < z.length; i++) sum += Math.abs((z[i] as number) - (z[i - lag] as number));
  const size = z.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  return Math.max(sum / (z.length - lag), 1e-6 * Math.max(1, size));
}

/**
 * Quantiles of |scaled error| `years` ahead, from the series' own rolling-origin errors at that
 * horizon (when it has enough points) shrunk toward the pooled ones.
 */
export function bandQuantiles(
  method: SmoothingMethod,
  years: number,
  pointCount: number,
  ownScaledErrors: readonly number[] | undefined,
  table?: PooledTable,
): Quantiles {
  const pooled = pooledQuantiles(method, years, table);
  const own = ownScaledErrors ?? [];
  if (pointCount < OWN_ERRORS_FROM || own.length === 0) return pooled;
  const sorted = own.map(Math.abs).sort((a, b) => a - b);
  const w = sorted.length / (sorted.length + SHRINK);
  const q80 = w * quantile(sorted, 0.8) + (1 - w) * pooled.q80;
  const q95 = Math.max(q80, w * quantile(sorted, 0.95) + (1 - w) * pooled.q95);
  return { q80, q95 };
}

/** Standard normal CDF (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-x * x);
  return z >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

const Z80 = 1.2815515655446004;
const Z95 = 1.959963984540054;

/**
 * P(outcome <= x) for a distribution centred on `centre` whose central 80 % and 95 % intervals
 * have half-widths `half80` and `half95`: the distance is mapped piecewise-linearly onto the normal
 * quantiles (0 → 0, half80 → 1.28, half95 → 1.96, and on at the last slope), so the probability
 * agrees with the bands shown.
 */
export function cdfFromBands(x: number, centre: number, half80: number, half95: number): number {
  const d = x - centre;
  if (half80 <= 0 || half95 <= 0) return d >= 0 ? 1 : 0;
  const a = Math.abs(d);
  const h95 = Math.max(half95, half80 * 1.0001);
  const z = a <= half80 ? (Z80 * a) / half80 : Z80 + ((Z95 - Z80) * (a - half80)) / (h95 - half80);
  return normalCdf(d >= 0 ? z : -z);
}
