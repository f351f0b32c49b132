/**
 * Since when a status holds: the same assessment replayed on the series as it stood before each
 * of its latest points (the newest first), until the status differs. The point whose arrival
 * changed it is the status's start ("chuyển sang nguy cơ từ 03/2027"); the status before it is
 * `previousStatus`. Replayed under today's target and rules, so an adjusted target re-dates it.
 *
 * Deterministic and free of stored state: the answer is the same on every server and after a
 * rebuild. The fits are memoised (smoothing.ts), and the rolling-origin errors of the full series
 * have already fitted most prefixes, so a replay costs little.
 */
import { type AssessOptions, assess, type Status, type TargetSpec } from "./assess.js";
import type { Point } from "./forecast.js";

/** How many earlier states are replayed at most (two years of monthly values). */
export const HISTORY_WINDOW = 24;

export interface StatusChange {
  previousStatus: Status | null;
  /** Time (decimal year) of the point since which the status holds; null: unchanged in the window. */
  changedAt: number | null;
}

export function statusChange(
  t: TargetSpec,
  baseline: number | null,
  points: readonly Point[],
  current: Status,
  now: Date,
  options: AssessOptions = {},
): StatusChange {
  const sorted = [...points].sort((a, b) => a.t - b.t);
  for (let k = sorted.length - 1; k >= Math.max(0, sorted.length - HISTORY_WINDOW); k--) {
    const before = assess(t, baseline, sorted.slice(0, k), now, options).status;
    if (before !== current) return { previousStatus: before, changedAt: (sorted[k] as Point).t };
  }
  return { previousStatus: null, changedAt: null };
}
