/**
 * Aggregation rules of indicators, over the unit hierarchy and over time (pure). Each indicator
 * declares one: sum, mean, weighted mean (with a weight indicator), ratio of sums (numerator and
 * denominator indicators), latest, min, max. Values are combined from parts; an empty input gives
 * no value with a reason, never 0. The roll-up tables keep the partial sums these need, so adding
 * or removing one part updates an aggregate without re-reading the others.
 */

export const aggregationRules = [
  "sum",
  "mean",
  "weighted_mean",
  "ratio_of_sums",
  "latest",
  "min",
  "max",
] as const;
export type AggregationRule = (typeof aggregationRules)[number];

/** One contribution: a value (and, for the two-component rules, its weight or denominator). */
export interface Part {
  value: number;
  /** Weight (weighted mean) or denominator (ratio of sums; `value` is then the numerator). */
  weight?: number;
  /** Ordering key for "latest": e.g. the period ordinal or the report time. */
  at?: number;
}

/**
 * A mergeable summary of parts: what the roll-up tables store per (indicator, unit, period).
 * Two summaries merge by adding counts and sums and keeping min, max and the latest.
 */
export interface Summary {
  count: number;
  sum: number;
  weightSum: number;
  weightedSum: number;
  min: number;
  max: number;
  latestAt: number;
  latest: number;
}

export const emptySummary: Summary = {
  count: 0,
  sum: 0,
  weightSum: 0,
  weightedSum: 0,
  min: Number.POSITIVE_INFINITY,
  max: Number.NEGATIVE_INFINITY,
  latestAt: Number.NEGATIVE_INFINITY,
  latest: Number.NaN,
};

export function summarize(parts: readonly Part[]): Summary {
  return parts.reduce<Summary>((s, p) => merge(s, partSummary(p)), emptySummary);
}

export function partSummary(p: Part): Summary {
  const w = p.weight ?? 1;
  return {
    count: 1,
    sum: p.value,
    weightSum: w,
    weightedSum: p.value * w,
    min: p.value,
    max: p.value,
    latestAt: p.at ?? 0,
    latest: p.value,
  };
}

export function merge(a: Summary, b: Summary): Summary {
  if (a.count === 0) return b;
  if (b.count === 0) return a;
  const bLater = b.latestAt >= a.latestAt;
  return {
    count: a.count + b.count,
    sum: a.sum + b.sum,
    weightSum: a.weightSum + b.weightSum,
    weightedSum: a.weightedSum + b.weightedSum,
    min: Math.min(a.min, b.min),
    max: Math.max(a.max, b.max),
    latestAt: bLater ? b.latestAt : a.latestAt,
    latest: bLater ? b.latest : a.latest,
  };
}

export type AggregateResult =
  | { value: number; reason?: undefined }
  | { value: null; reason: { vi: string; en: string } };

/** The aggregate value of a summary under a rule. */
export function summaryValue(rule: AggregationRule, s: Summary): AggregateResult {
  if (s.count === 0)
    return { value: null, reason: { vi: "không có số liệu để tổng hợp", en: "nothing to aggregate" } };
  switch (rule) {
    case "sum":
      return { value: s.sum };
    case "mean":
      return { value: s.sum / s.count };
    case "weighted_mean":
      if (s.weightSum === 0)
        return { value: null, reason: { vi: "tổng trọng số bằng 0", en: "the weights sum to 0" } };
      return { value: s.weightedSum / s.weightSum };
    case "ratio_of_sums":
      // For ratio of sums, value = numerator and weight = denominator: sum(num) / sum(den).
      if (s.weightSum === 0)
        return { value: null, reason: { vi: "tổng mẫu số bằng 0", en: "the denominators sum to 0" } };
      return { value: s.sum / s.weightSum };
    case "latest":
      return { value: s.latest };
    case "min":
      return { value: s.min };
    case "max":
      return { value: s.max };
  }
}

export function aggregate(rule: AggregationRule, parts: readonly Part[]): AggregateResult {
  return summaryValue(rule, summarize(parts));
}

/**
 * Robust z-score of a value against a reference set (the unit's own history, or its peers):
 * (x − median) / (1.4826 · MAD). |z| > 3.5 flags an outlier. Undefined with fewer than 4
 * references or no spread.
 */
export function robustZ(x: number, reference: readonly number[]): number | undefined {
  const ref = reference.filter(Number.isFinite);
  if (ref.length < 4) return undefined;
  const med = median(ref);
  const mad = median(ref.map((v) => Math.abs(v - med)));
  if (mad === 0) return x === med ? 0 : undefined;
  return (x - med) / (1.4826 * mad);
}

export const OUTLIER_Z = 3.5;

/**
 * For each value, `robustZ` of it against all the others (its peers) — the same numbers, in
 * O(n log n) instead of O(n² log n): at national scale an indicator has ~11,000 units of a kind.
 * Without one element, the median of the sorted values takes one of at most three values; for
 * each, the deviations are sorted once, and each element's own deviation is left out by rank.
 */
export function robustZAgainstOthers(values: readonly number[]): (number | undefined)[] {
  const n = values.length;
  const out = new Array<number | undefined>(n).fill(undefined);
  if (n - 1 < 4 || values.some((v) => !Number.isFinite(v))) {
    // Few values (no z at all) or non-finite ones (rare): the plain definition.
    if (n - 1 >= 4)
      for (let i = 0; i < n; i++)
        out[i] = robustZ(
          values[i] as number,
          values.filter((_, j) => j !== i),
        );
    return out;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const at = (a: readonly number[], j: number, without: number) => a[j < without ? j : j + 1] as number;
  /** Median of sorted `a` with the element at index `k` left out. */
  const medianWithout = (a: readonly number[], k: number) => {
    const m = a.length - 1;
    const h = Math.floor(m / 2);
    return m % 2 ? at(a, h, k) : (at(a, h - 1, k) + at(a, h, k)) / 2;
  };
  /** Index of some element equal to `x` in sorted `a` (equal elements are interchangeable). */
  const rank = (a: readonly number[], x: number) => {
    let lo = 0;
    let hi = a.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((a[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const deviations = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    const med = medianWithout(sorted, rank(sorted, x));
    let dev = deviations.get(med);
    if (!dev) {
      dev = sorted.map((v) => Math.abs(v - med)).sort((a, b) => a - b);
      deviations.set(med, dev);
    }
    const mad = medianWithout(dev, rank(dev, Math.abs(x - med)));
    out[i] = mad === 0 ? (x === med ? 0 : undefined) : (x - med) / (1.4826 * mad);
  }
  return out;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
