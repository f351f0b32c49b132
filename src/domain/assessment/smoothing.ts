/**
 * The forecasting methods the M3/M4 competitions found hard to beat on short yearly series, written
 * out so each step can be read and property-tested: naive (last value), random walk with drift,
 * simple exponential smoothing (SES), Holt's linear trend, damped trend (Gardner–McKenzie), Theta
 * (SES with half the linear slope as drift, Hyndman & Billah 2003) and "Comb" (the M4 benchmark:
 * the mean of SES, Holt and damped).
 *
 * Each works on equally spaced values `y` (the caller maps time to steps) and returns the point
 * forecasts for steps 1..h ahead. Smoothing parameters are chosen by minimising the in-sample sum
 * of squared one-step errors over a fixed grid, refined once around its best cell: on 3–20 points
 * a grid is as good as a numerical optimiser, is deterministic, and cannot fail to converge.
 */

export const METHODS = ["naive", "drift", "ses", "holt", "damped", "theta", "comb"] as const;
export type SmoothingMethod = (typeof METHODS)[number];

/** Forecasts for steps 1..h after the last value. */
export type Path = number[];

function last(y: readonly number[]): number {
  return y[y.length - 1] as number;
}

/** SES: sum of squared one-step errors and the final level, the level starting at the first value. */
function sesRun(y: readonly number[], alpha: number): { sse: number; level: number } {
  let level = y[0] as number;
  let sse = 0;
  for (let t = 1; t < y.length; t++) {
    const e = (y[t] as number) - level;
    sse += e * e;
    level += alpha * e;
  }
  return { sse, level };
}

/**
 * Damped trend in error-correction form (phi = 1: Holt's linear trend). The level starts at the
 * first value, the trend at the first difference; `betaShare` is beta as a share of alpha, which
 * keeps the usual 0 < beta <= alpha.
 */
function trendRun(
  y: readonly number[],
  alpha: number,
  betaShare: number,
  phi: number,
): { sse: number; level: number; trend: number } {
  let level = y[0] as number;
  let trend = y.length > 1 ? (y[1] as number) - level : 0;
  let sse = 0;
  for (let t = 1; t < y.length; t++) {
    const fitted = level + phi * trend;
    const e = (y[t] as number) - fitted;
    sse += e * e;
    level = fitted + alpha * e;
    trend = phi * trend + alpha * betaShare * e;
  }
  return { sse, level, trend };
}

const ALPHAS = [0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95, 1];
const BETA_SHARES = [0.05, 0.2, 0.4, 0.7, 1];
/** The damping range of Hyndman's forecast package (0.8–0.98): below 0.8 damping is too strong to be useful. */
const PHIS = [0.8, 0.86, 0.92, 0.98];

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Best point of a small grid, then the same search once more on a grid half as coarse around it. */
function gridSearch(
  axes: readonly (readonly number[])[],
  bounds: readonly [number, number][],
  cost: (p: number[]) => number,
): number[] {
  let best: number[] = axes.map((a) => a[0] as number);
  let bestCost = Number.POSITIVE_INFINITY;
  const visit = (grid: readonly (readonly number[])[]) => {
    const idx = grid.map(() => 0);
    for (;;) {
      const p = idx.map((k, d) => (grid[d] as readonly number[])[k] as number);
      const c = cost(p);
      // Relative, so that the choice does not depend on the series' units (and the first finite
      // cost always wins over none).
      if (bestCost === Number.POSITIVE_INFINITY ? c < bestCost : c < bestCost - 1e-12 * Math.abs(bestCost)) {
        bestCost = c;
        best = p;
      }
      let d = 0;
      while (d < idx.length) {
        idx[d] = (idx[d] as number) + 1;
        if ((idx[d] as number) < (grid[d] as readonly number[]).length) break;
        idx[d] = 0;
        d++;
      }
      if (d === idx.length) return;
    }
  };
  visit(axes);
  const steps = axes.map((a) =>
    a.length > 1 ? ((a[a.length - 1] as number) - (a[0] as number)) / (a.length - 1) : 0,
  );
  const centre = best;
  visit(
    centre.map((c, d) => {
      const s = (steps[d] as number) / 2;
      const [lo, hi] = bounds[d] as [number, number];
      return s === 0 ? [c] : [clamp(c - s, lo, hi), c, clamp(c + s, lo, hi)];
    }),
  );
  return best;
}

export interface SesFit {
  alpha: number;
  level: number;
}

export function fitSes(y: readonly number[]): SesFit {
  if (y.length < 2) return { alpha: 1, level: last(y) };
  const [alpha] = gridSearch([ALPHAS], [[0.01, 1]], ([a]) => sesRun(y, a as number).sse) as [number];
  return { alpha, level: sesRun(y, alpha).level };
}

export interface TrendFit {
  alpha: number;
  betaShare: number;
  phi: number;
  level: number;
  trend: number;
}

export function fitTrend(y: readonly number[], damped: boolean): TrendFit {
  if (y.length < 3) {
    const trend = y.length === 2 ? (y[1] as number) - (y[0] as number) : 0;
    return { alpha: 1, betaShare: 1, phi: damped ? 0.98 : 1, level: last(y), trend };
  }
  const axes = damped ? [ALPHAS, BETA_SHARES, PHIS] : [ALPHAS, BETA_SHARES];
  const bounds: [number, number][] = damped
    ? [
        [0.01, 1],
        [0.01, 1],
        [0.8, 0.98],
      ]
    : [
        [0.01, 1],
        [0.01, 1],
      ];
  const [alpha, betaShare, phi = 1] = gridSearch(
    axes,
    bounds,
    ([a, b, p]) => trendRun(y, a as number, b as number, p ?? 1).sse,
  ) as [number, number, number?];
  const run = trendRun(y, alpha, betaShare, phi);
  return { alpha, betaShare, phi, level: run.level, trend: run.trend };
}

/** Ordinary least-squares slope of y on 0..n-1. */
export function olsSlope(y: readonly number[]): number {
  const n = y.length;
  if (n < 2) return 0;
  const mt = (n - 1) / 2;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (i - mt) * ((y[i] as number) - my);
    sxx += (i - mt) ** 2;
  }
  return sxy / sxx;
}

/** A fitted method: the forecast `k` steps after the last value (k >= 1). */
export type Fitted = (k: number) => number;

function fitModel(method: SmoothingMethod, y: readonly number[]): Fitted {
  switch (method) {
    case "naive": {
      const v = last(y);
      return () => v;
    }
    case "drift": {
      const v = last(y);
      const slope = y.length > 1 ? (v - (y[0] as number)) / (y.length - 1) : 0;
      return (k) => v + k * slope;
    }
    case "ses": {
      const { level } = fitSes(y);
      return () => level;
    }
    case "holt": {
      const f = fitTrend(y, false);
      return (k) => f.level + k * f.trend;
    }
    case "damped": {
      const f = fitTrend(y, true);
      // phi + phi^2 + ... + phi^k
      const sum = (k: number) => (f.phi === 1 ? k : (f.phi * (1 - f.phi ** k)) / (1 - f.phi));
      return (k) => f.level + sum(k) * f.trend;
    }
    case "theta": {
      // Theta: SES plus half the linear slope as drift, phased in as SES's memory fades.
      const { alpha, level } = fitSes(y);
      const half = olsSlope(y) / 2;
      const a = Math.max(alpha, 1e-10);
      const start = (1 - (1 - a) ** y.length) / a;
      return (k) => level + half * (k - 1 + start);
    }
    case "comb": {
      const parts = (["ses", "holt", "damped"] as const).map((m) => fitted(m, y));
      return (k) => parts.reduce((s, f) => s + f(k), 0) / parts.length;
    }
  }
}

// Fits are pure functions of (method, values): the overview re-assesses unchanged series after
// every write, and a status's history refits the prefixes its rolling-origin errors already fitted.
const memo = new Map<string, Fitted>();
const MEMO_LIMIT = 20_000;

/**
 * The fitted method for these values (y non-empty), memoised, least recently used out first (a
 * Map keeps insertion order: a hit moves its entry to the end), so a burst of series reads does
 * not evict the overview's fits wholesale.
 */
export function fitted(method: SmoothingMethod, y: readonly number[]): Fitted {
  const key = `${method}|${y.join(",")}`;
  let f = memo.get(key);
  if (f) {
    memo.delete(key);
  } else {
    f = fitModel(method, y);
    if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value as string);
  }
  memo.set(key, f);
  return f;
}

/** Point forecasts for steps 1..h by the named method (y non-empty). */
export function predict(method: SmoothingMethod, y: readonly number[], h: number): Path {
  const f = fitted(method, y);
  return Array.from({ length: Math.max(1, Math.ceil(h)) }, (_, i) => f(i + 1));
}
