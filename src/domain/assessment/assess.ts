/**
 * Progress and status of a target, as pure functions shared by the server and the web app.
 *
 * - Progress runs from the baseline to the target (0..1, clamped), direction-aware: higher is
 *   better, lower is better (ranks: "top N"), ranges (met at the lower bound; the upper bound is
 *   the ambition), growth rates (the series is the rate itself), yes/no milestones; qualitative
 *   targets have none.
 * - Status comes from the chance of meeting the target at its year (forecast.ts): on track when
 *   it is at least `onTrack` (0.8 unless the plan says otherwise), off track below `offTrack`
 *   (0.2), at risk between; achieved when the latest value already meets it; no data when there
 *   is nothing, or too little, to judge. Milestones are judged from their deadline, qualitative
 *   targets not at all.
 * - Beside it, the Open SDG / Statistics Canada progress class (progress-class.ts), and the yearly
 *   change needed against the one observed. Every status carries a reason with a stable code and
 *   a sentence in Vietnamese and English, and since when it holds (status-history.ts).
 */
import { changeNeeded, type YearlyChange } from "./change.js";
import {
  type Forecast,
  forecast,
  MIN_POINTS,
  type Point,
  probabilityAtMost,
  yearReached,
} from "./forecast.js";
import { type ProgressClass, progressClass } from "./progress-class.js";
import { forecastSentence } from "./reasons.js";
import { LOGIT_EPSILON, NO_BOUNDS, type ValueBounds } from "./scale.js";
import {
  type Comparator,
  describeTarget,
  EPS,
  formatNumber,
  higherIsBetter,
  meets,
  type TargetKind,
  type TargetSpec,
  type UnitText,
  unitIn,
} from "./target.js";

export type Status = "on_track" | "at_risk" | "off_track" | "achieved" | "no_data";

export type ReasonCode =
  | "no_target"
  | "qualitative"
  | "no_values"
  | "too_few_points"
  | "achieved"
  | "forecast"
  | "milestone_reached"
  | "milestone_late"
  | "milestone_due"
  | "milestone_pending";

export interface Reason {
  code?: ReasonCode;
  vi: string;
  en: string;
}

/** Chance thresholds of the statuses (a plan may set its own). */
export interface StatusThresholds {
  onTrack: number;
  offTrack: number;
}

export const DEFAULT_THRESHOLDS: StatusThresholds = { onTrack: 0.8, offTrack: 0.2 };

export interface AssessOptions {
  bounds?: ValueBounds;
  thresholds?: StatusThresholds;
  /** The indicator's own minimum number of points (never below MIN_POINTS). */
  minPoints?: number;
  /** The year of `baseline` (the progress class measures growth from it). */
  baselineYear?: number | null;
}

export interface Assessment {
  status: Status;
  progress: number | null;
  latest: Point | null;
  forecast: Forecast | null;
  /** First year the forecast reaches the target (null: not by 2100, or no forecast). */
  reachedYear: number | null;
  /** Chance of meeting the target at its year (null: not judged by a forecast). */
  probability: number | null;
  /** For a range target: the chance of landing inside the range. */
  probabilityInRange: number | null;
  change: YearlyChange | null;
  progressClass: ProgressClass;
  reason: Reason & { code: ReasonCode };
}

export type { Comparator, TargetKind, TargetSpec, UnitText };
export { describeTarget, formatNumber, higherIsBetter, meets, unitIn };

/**
 * The chance that the forecast outcome meets the target (`meets`: "=" is reaching it). A target at
 * a bound ("100 % of agencies", "rank 1") is met within LOGIT_EPSILON of it, as data that close to
 * a bound count as on it: a forecast made on the logit scale never reaches the bound itself.
 */
export function probabilityOfMeeting(t: TargetSpec, f: Forecast): number {
  const goal = reachableGoal(t, f.dist.bounds);
  return higherIsBetter(t) ? 1 - probabilityAtMost(f, goal) : probabilityAtMost(f, goal);
}

/** The target's value, moved LOGIT_EPSILON inside the range when it sits at a bound of two. */
export function reachableGoal(t: TargetSpec, bounds: ValueBounds): number {
  const goal = t.value ?? 0;
  const { min, max } = bounds;
  if (min === null || max === null || max <= min || goal < min || goal > max) return goal;
  const e = LOGIT_EPSILON * (max - min);
  return Math.min(max - e, Math.max(min + e, goal));
}

export function progress(t: TargetSpec, baseline: number | null, v: number | null): number | null {
  if (t.kind === "qualitative" || v === null) return null;
  if (t.kind === "milestone") return v >= 1 - EPS ? 1 : 0;
  if (t.value === null) return null;
  if (meets(t, v)) return 1;
  const clamp = (x: number) => Math.min(1, Math.max(0, x));
  const goal = t.value;
  if (higherIsBetter(t)) {
    const start = baseline ?? 0;
    if (goal - start <= EPS) return v >= goal ? 1 : 0;
    return clamp((v - start) / (goal - start));
  }
  // Lower is better (ranks: "top N", or "< x"). Without a baseline, the share of the gap closed.
  if (baseline === null || baseline - goal <= EPS) return clamp(v <= 0 ? 1 : goal / v);
  return clamp((baseline - v) / (baseline - goal));
}

function milestone(
  t: TargetSpec,
  latest: Point,
  now: Date,
): Pick<Assessment, "status" | "progress" | "reason"> {
  if (latest.v >= 1 - EPS)
    return {
      status: "achieved",
      progress: 1,
      reason: { code: "milestone_reached", vi: "đã hoàn thành mốc", en: "milestone reached" },
    };
  const year = now.getUTCFullYear();
  if (year > t.year)
    return {
      status: "off_track",
      progress: 0,
      reason: {
        code: "milestone_late",
        vi: `chưa hoàn thành, đã quá hạn năm ${t.year}`,
        en: `not reached, past its ${t.year} deadline`,
      },
    };
  // Due this year and not done: a warning, not a verdict. Further out: nothing to judge yet.
  if (year === t.year)
    return {
      status: "at_risk",
      progress: 0,
      reason: {
        code: "milestone_due",
        vi: `chưa hoàn thành; hạn cuối năm nay (${t.year})`,
        en: `not reached yet; due this year (${t.year})`,
      },
    };
  return {
    status: "no_data",
    progress: 0,
    reason: {
      code: "milestone_pending",
      vi: `chưa hoàn thành; hạn năm ${t.year}`,
      en: `not reached yet; due ${t.year}`,
    },
  };
}

export function assess(
  t: TargetSpec,
  baseline: number | null,
  series: Point[],
  now = new Date(),
  options: AssessOptions = {},
): Assessment {
  const points = series.filter((p) => Number.isFinite(p.v) && Number.isFinite(p.t)).sort((a, b) => a.t - b.t);
  const latest = points[points.length - 1] ?? null;
  const none = {
    latest,
    forecast: null,
    reachedYear: null,
    probability: null,
    probabilityInRange: null,
    change: null,
    progressClass: progressClass(
      t,
      points,
      baseline !== null && options.baselineYear != null
        ? { t: options.baselineYear + 0.5, v: baseline }
        : null,
    ),
  };
  const u = (lang: "vi" | "en") => {
    const unit = unitIn(t.unit, lang);
    return unit ? ` ${unit}` : "";
  };

  if (t.kind === "qualitative")
    return {
      ...none,
      status: "no_data",
      progress: null,
      reason: {
        code: "qualitative",
        vi: "chỉ tiêu định tính: đánh giá qua các KPI đo lường nó",
        en: "qualitative target: assessed through the KPIs that measure it",
      },
    };
  if (!latest)
    return {
      ...none,
      status: "no_data",
      progress: null,
      reason: { code: "no_values", vi: "chưa có số liệu", en: "no values reported yet" },
    };
  if (t.kind === "milestone") return { ...none, ...milestone(t, latest, now) };

  const p = progress(t, baseline, latest.v);
  const change = t.value === null ? null : changeNeeded(points, t.value, t.year);
  if (meets(t, latest.v))
    return {
      ...none,
      change,
      status: "achieved",
      progress: 1,
      reason: {
        code: "achieved",
        vi: `đã đạt: ${formatNumber(latest.v, "vi")}${u("vi")} (mục tiêu ${describeTarget(t, "vi")})`,
        en: `achieved: ${formatNumber(latest.v, "en")}${u("en")} (target ${describeTarget(t, "en")})`,
      },
    };

  const minPoints = Math.max(MIN_POINTS, options.minPoints ?? MIN_POINTS);
  const f = forecast(points, t.year, { bounds: options.bounds ?? NO_BOUNDS, minPoints });
  if (!f.ok) return { ...none, change, status: "no_data", progress: p, reason: f.reason };
  const fc = f.forecast;
  const probability = probabilityOfMeeting(t, fc);
  const probabilityInRange =
    t.comparator === "between" && t.value !== null && t.valueMax !== null && t.valueMax !== undefined
      ? Math.max(0, probabilityAtMost(fc, t.valueMax) - probabilityAtMost(fc, t.value))
      : null;
  const th = options.thresholds ?? DEFAULT_THRESHOLDS;
  const status: Status =
    probability >= th.onTrack ? "on_track" : probability < th.offTrack ? "off_track" : "at_risk";
  const goal = reachableGoal(t, fc.dist.bounds);
  const reachedYear = yearReached(points, fc, goal, higherIsBetter(t));
  // The sentence gives a rank as a whole place, so it judges the place it prints.
  const shown = t.kind === "rank" || t.comparator === "top" ? Math.round(fc.value) : fc.value;
  const forecastMeets = meets({ ...t, value: goal }, shown);
  return {
    ...none,
    status,
    progress: p,
    forecast: fc,
    reachedYear,
    probability,
    probabilityInRange,
    change,
    reason: {
      code: "forecast",
      vi: forecastSentence("vi", t, fc, probability, change, forecastMeets),
      en: forecastSentence("en", t, fc, probability, change, forecastMeets),
    },
  };
}
