/**
 * The progress class of Open SDG (sdg-build's ProgressMeasure, "methodology 2") and Statistics
 * Canada: the observed compound yearly growth since the first value against the growth the target
 * requires from there, as a ratio. The familiar second opinion beside the forecast's status.
 *
 *   ratio = sign(base) · direction · CAGR(observed) / |CAGR(required)|
 *   >= 0.95 substantial · >= 0.6 moderate · >= 0 limited · < 0 deterioration
 *
 * As sdg-build does, a base of 0 is taken as 0.001, and a series that changes sign has no class.
 */
import type { Point } from "./forecast.js";
import { higherIsBetter, meets, type TargetSpec } from "./target.js";

export type ProgressClassName =
  | "target_achieved"
  | "substantial_progress"
  | "moderate_progress"
  | "limited_progress"
  | "deterioration"
  | "not_available";

export interface ProgressClass {
  class: ProgressClassName;
  /** Observed over required growth (null: not computed). */
  ratio: number | null;
}

export const PROGRESS_THRESHOLDS = { high: 0.95, med: 0.6, low: 0 } as const;

const NA: ProgressClass = { class: "not_available", ratio: null };

function cagr(to: number, from: number, years: number): number {
  return (to / from) ** (1 / years) - 1;
}

export function classOfRatio(ratio: number): ProgressClassName {
  if (ratio >= PROGRESS_THRESHOLDS.high) return "substantial_progress";
  if (ratio >= PROGRESS_THRESHOLDS.med) return "moderate_progress";
  if (ratio >= PROGRESS_THRESHOLDS.low) return "limited_progress";
  return "deterioration";
}

/**
 * The class of a series against a target with a value (milestones and qualitative targets have
 * none), measured from the baseline when the indicator has one dated no later than the series'
 * first value, else from that first value.
 */
export function progressClass(
  t: TargetSpec,
  points: readonly Point[],
  baseline?: Point | null,
): ProgressClass {
  if (t.value === null || t.kind === "qualitative" || t.kind === "milestone") return NA;
  const last = points[points.length - 1];
  const first = baseline && points[0] && baseline.t <= (points[0] as Point).t ? baseline : points[0];
  if (!first || !last || last.t - first.t < 1 - 1e-9) return NA;
  const higher = higherIsBetter(t);
  if (meets(t, last.v)) return { class: "target_achieved", ratio: null };
  const base = first.v === 0 ? 0.001 : first.v;
  const goal = t.value === 0 ? 0.001 : t.value;
  if (base > 0 !== last.v > 0 || last.v === 0 || base > 0 !== goal > 0) return NA;
  const targetT = t.year + 0.5;
  if (targetT - first.t <= 0) return NA;
  const required = cagr(goal, base, targetT - first.t);
  if (Math.abs(required) < 1e-12) return NA;
  const observed = cagr(last.v, base, last.t - first.t);
  const ratio = (base < 0 ? -1 : 1) * (higher ? 1 : -1) * (observed / Math.abs(required));
  return Number.isFinite(ratio) ? { class: classOfRatio(ratio), ratio } : NA;
}
