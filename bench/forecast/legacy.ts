/**
 * The forecast the platform used before issue 12, kept verbatim (but for this comment and the
 * exports) as the back-test's "before": a linear and a compound-growth trend are
 * both fitted, and the one that predicted held-out recent points better is used (out-of-sample,
 * rolling origin). The forecast carries a ~95% prediction band and the year the target would be
 * reached. With fewer than 3 points there is no forecast, and the reason says so.
 */

export interface Point {
  /** Decimal year (periods.midYear). */
  t: number;
  v: number;
}

export type Method = "linear" | "compound";

export interface Forecast {
  method: Method;
  year: number;
  value: number;
  low: number;
  high: number;
  /** Mean absolute out-of-sample error of the chosen method (same unit as the values). */
  holdoutError: number;
  /** Slope per year (linear) or growth rate per year in % (compound). */
  trend: number;
}

export type ForecastResult =
  | { ok: true; forecast: Forecast }
  | { ok: false; reason: { vi: string; en: string } };

interface Fit {
  a: number;
  b: number;
  n: number;
  meanT: number;
  sxx: number;
  se: number;
}

/** Ordinary least squares of y on t. */
function ols(ts: number[], ys: number[]): Fit | undefined {
  const n = ts.length;
  if (n < 2) return undefined;
  const meanT = ts.reduce((s, x) => s + x, 0) / n;
  const meanY = ys.reduce((s, y) => s + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += ((ts[i] as number) - meanT) ** 2;
    sxy += ((ts[i] as number) - meanT) * ((ys[i] as number) - meanY);
  }
  if (sxx === 0) return undefined;
  const b = sxy / sxx;
  const a = meanY - b * meanT;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += ((ys[i] as number) - (a + b * (ts[i] as number))) ** 2;
  const se = n > 2 ? Math.sqrt(sse / (n - 2)) : 0;
  return { a, b, n, meanT, sxx, se };
}

/** Two-sided 95% Student t quantiles by degrees of freedom (1..30), then the normal 1.96. */
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
const t95 = (df: number) => (df >= 1 && df <= 30 ? (T95[df - 1] as number) : 1.96);

function predict(fit: Fit, t: number): { y: number; half: number } {
  const y = fit.a + fit.b * t;
  const half = t95(fit.n - 2) * fit.se * Math.sqrt(1 + 1 / fit.n + (t - fit.meanT) ** 2 / fit.sxx);
  return { y, half };
}

function fitMethod(method: Method, points: Point[]) {
  const ts = points.map((p) => p.t);
  if (method === "linear")
    return ols(
      ts,
      points.map((p) => p.v),
    );
  if (points.some((p) => p.v <= 0)) return undefined;
  return ols(
    ts,
    points.map((p) => Math.log(p.v)),
  );
}

function point(method: Method, fit: Fit, t: number): { value: number; low: number; high: number } {
  const { y, half } = predict(fit, t);
  if (method === "linear") return { value: y, low: y - half, high: y + half };
  return { value: Math.exp(y), low: Math.exp(y - half), high: Math.exp(y + half) };
}

/** Mean absolute error predicting each of the last `k` points from the points before it. */
function holdout(method: Method, points: Point[], k: number): number | undefined {
  let total = 0;
  let count = 0;
  for (let i = points.length - k; i < points.length; i++) {
    const train = points.slice(0, i);
    if (train.length < 2) continue;
    const fit = fitMethod(method, train);
    if (!fit) return undefined;
    const target = points[i] as Point;
    total += Math.abs(point(method, fit, target.t).value - target.v);
    count++;
  }
  return count > 0 ? total / count : undefined;
}

export function forecast(series: Point[], year: number): ForecastResult {
  const points = series.filter((p) => Number.isFinite(p.v) && Number.isFinite(p.t)).sort((a, b) => a.t - b.t);
  if (points.length < 3)
    return {
      ok: false,
      reason: {
        vi: `chưa đủ 3 kỳ số liệu để dự báo (hiện có ${points.length})`,
        en: `fewer than 3 values to forecast from (${points.length} so far)`,
      },
    };
  const k = points.length >= 6 ? 2 : 1;
  const candidates: { method: Method; error: number }[] = [];
  for (const method of ["linear", "compound"] as const) {
    const error = holdout(method, points, k);
    if (error !== undefined && fitMethod(method, points)) candidates.push({ method, error });
  }
  if (candidates.length === 0)
    return {
      ok: false,
      reason: {
        vi: "các kỳ số liệu trùng thời điểm, không dự báo được",
        en: "the values share one point in time: no trend",
      },
    };
  // Prefer the simpler linear trend unless compound growth predicted clearly better.
  candidates.sort((a, b) => a.error - b.error || (a.method === "linear" ? -1 : 1));
  const best = candidates[0] as { method: Method; error: number };
  const fit = fitMethod(best.method, points) as Fit;
  const at = point(best.method, fit, year + 0.5);
  return {
    ok: true,
    forecast: {
      method: best.method,
      year,
      ...at,
      holdoutError: best.error,
      trend: best.method === "linear" ? fit.b : (Math.exp(fit.b) - 1) * 100,
    },
  };
}

/** The first year (from the last observation on, up to `until`) in which the trend reaches `target`. */
export function yearReached(
  series: Point[],
  f: Forecast,
  target: number,
  higherBetter: boolean,
  until = 2100,
): number | null {
  const points = [...series].sort((a, b) => a.t - b.t);
  const fit = fitMethod(f.method, points);
  const last = points[points.length - 1];
  if (!fit || !last) return null;
  for (let y = Math.floor(last.t); y <= until; y++) {
    const v = point(f.method, fit, y + 0.5).value;
    if (higherBetter ? v >= target : v <= target) return y;
  }
  return null;
}
