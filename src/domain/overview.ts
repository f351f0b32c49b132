/**
 * The plan overview (pure): every target assessed from the KPIs that measure it, every system
 * from its targets, the plan from its systems.
 *
 * - An indicator is assessed on the series that compares with its target: flows (values that add
 *   up over time) by complete years, levels (rates, ranks, stocks) at their own frequency.
 * - A target with values of its own (reported, or a formula) is assessed on them; otherwise on
 *   the KPIs linked to it: its status and reason are those of the heaviest-weighted KPI with data,
 *   its progress the weighted mean of its KPIs' progress.
 * - A system's progress is the weighted mean of its targets' progress; its status is off track
 *   when at least a third of the assessed weight is off track, at risk when at least a third is
 *   at risk or off track, on track otherwise, no data when nothing is assessed.
 */
import {
  type Assessment,
  assess,
  DEFAULT_THRESHOLDS,
  type Status,
  type StatusThresholds,
  type TargetSpec,
} from "./assessment/assess.js";
import type { ValueBounds } from "./assessment/scale.js";
import { statusChange } from "./assessment/status-history.js";
import { type IndicatorSpec, type IndicatorValues, timeRuleOf } from "./indicator-values.js";
import { formatPeriod, type Period } from "./periods.js";

export interface TargetRow extends TargetSpec {
  note?: string | null;
}

export interface OverviewIndicator {
  code: string;
  tier: string;
  nameVi: string;
  nameEn: string | null;
  /** Unit of measure in Vietnamese and, where the plan gives it, English (null: none). */
  unit: { vi: string; en: string | null } | null;
  baseline: number | null;
  baselineYear?: number | null;
  /** The indicator's value bounds: forecasts and bands stay inside them. */
  bounds?: ValueBounds;
  /** The indicator's own minimum number of values for a forecast (null: 3). */
  minPoints?: number | null;
  targets: TargetRow[];
  spec: IndicatorSpec;
  /** KPIs (or other indicators) measuring this one, with their link weights. */
  measuredBy: { code: string; weight: number }[];
}

export interface OverviewSystem {
  code: string;
  nameVi: string;
  nameEn: string | null;
  /** Targets assigned to the system, with assignment weights. */
  targets: { code: string; weight: number }[];
}

export interface LatestValue {
  period: string;
  value: number;
  partial: boolean;
}

export interface IndicatorAssessment {
  code: string;
  status: Status;
  progress: number | null;
  latest: LatestValue | null;
  target: TargetRow | null;
  forecast: Assessment["forecast"];
  reachedYear: number | null;
  probability: number | null;
  probabilityInRange: number | null;
  change: Assessment["change"];
  progressClass: Assessment["progressClass"];
  /** The status before the current one, and the period since which the current one holds. */
  previousStatus: Status | null;
  changedAt: string | null;
  reason: Assessment["reason"];
  /** Indicator whose values the status comes from (itself, or its primary KPI). */
  basedOn: string | null;
}

export const statusRank: Record<Status, number> = {
  off_track: 0,
  at_risk: 1,
  on_track: 2,
  achieved: 3,
  no_data: 4,
};

/** The target row that matters now: the first milestone year not yet past, else the last one. */
export function currentTarget(targets: readonly TargetRow[], year: number): TargetRow | null {
  const sorted = [...targets].sort((a, b) => a.year - b.year);
  return sorted.find((t) => t.year >= year) ?? sorted[sorted.length - 1] ?? null;
}

/** The series an indicator is judged on, and its latest value. */
export function assessmentSeries(
  values: IndicatorValues,
  ind: OverviewIndicator,
  now: Period,
): { points: { t: number; v: number }[]; periods: string[]; latest: LatestValue | null } {
  const flow = timeRuleOf(ind.spec) === "sum";
  const kind = flow ? "year" : (values.kindOf(ind.code) ?? "year");
  const rows = values.periodSeries(ind.code, now, undefined, kind);
  // A flow's current year is incomplete: it is shown as the latest value but not trended.
  const complete = flow ? rows.filter((r) => r.period.year < now.year || r.period.kind !== "year") : rows;
  const used = complete.filter((r) => r.value !== null && !(flow && r.partial));
  const points = used.map((r) => ({ t: flow ? r.period.year + 0.5 : midOf(r.period), v: r.value as number }));
  const last = [...rows].reverse().find((r) => r.value !== null);
  return {
    points,
    periods: used.map((r) => formatPeriod(r.period)),
    latest: last
      ? { period: formatPeriod(last.period), value: last.value as number, partial: last.partial === true }
      : null,
  };
}

function midOf(p: Period): number {
  const months = { month: 1, quarter: 3, half_year: 6, year: 12 }[p.kind];
  return p.year + ((p.index - 1) * months + months / 2) / 12;
}

const unassessed = {
  forecast: null,
  reachedYear: null,
  probability: null,
  probabilityInRange: null,
  change: null,
  progressClass: { class: "not_available", ratio: null },
  previousStatus: null,
  changedAt: null,
} as const;

export function assessIndicator(
  values: IndicatorValues,
  ind: OverviewIndicator,
  now: Period,
  clock: Date,
  thresholds: StatusThresholds = DEFAULT_THRESHOLDS,
): IndicatorAssessment {
  const target = currentTarget(ind.targets, now.year);
  const { points, periods, latest } = assessmentSeries(values, ind, now);
  if (!target)
    return {
      ...unassessed,
      code: ind.code,
      status: "no_data",
      progress: null,
      latest,
      target: null,
      reason: { code: "no_target", vi: "chưa có giá trị mục tiêu", en: "no target value set" },
      basedOn: latest ? ind.code : null,
    };
  const spec = { ...target, unit: ind.unit };
  const options = {
    bounds: ind.bounds,
    thresholds,
    minPoints: ind.minPoints ?? undefined,
    baselineYear: ind.baselineYear,
  };
  const a = assess(spec, ind.baseline, points, clock, options);
  const since = statusChange(spec, ind.baseline, points, a.status, clock, options);
  // No points at all: say why (the first missing operand), not just "no data".
  const why = points.length === 0 && !latest ? values.value(ind.code, now).reason : undefined;
  return {
    code: ind.code,
    status: a.status,
    progress: a.progress,
    latest,
    target,
    forecast: a.forecast,
    reachedYear: a.reachedYear,
    probability: a.probability,
    probabilityInRange: a.probabilityInRange,
    change: a.change,
    progressClass: a.progressClass,
    previousStatus: since.previousStatus,
    changedAt:
      since.changedAt === null ? null : (periods[points.findIndex((p) => p.t === since.changedAt)] ?? null),
    reason:
      why && target.kind !== "qualitative"
        ? { code: "no_values", vi: `chưa có số liệu: ${why.vi}`, en: `no data: ${why.en}` }
        : a.reason,
    basedOn: latest ? ind.code : null,
  };
}

export interface TargetOverview extends IndicatorAssessment {
  measuredBy: (IndicatorAssessment & { weight: number })[];
}

export function assessTarget(
  values: IndicatorValues,
  ind: OverviewIndicator,
  byCode: ReadonlyMap<string, OverviewIndicator>,
  now: Period,
  clock: Date,
  thresholds: StatusThresholds = DEFAULT_THRESHOLDS,
): TargetOverview {
  const kpis = ind.measuredBy
    .map((m) => {
      const k = byCode.get(m.code);
      return k ? { ...assessIndicator(values, k, now, clock, thresholds), weight: m.weight } : null;
    })
    .filter((k): k is IndicatorAssessment & { weight: number } => k !== null);
  const own = assessIndicator(values, ind, now, clock, thresholds);
  if (own.latest || kpis.length === 0) return { ...own, measuredBy: kpis };
  const withData = kpis.filter((k) => k.status !== "no_data" || k.latest);
  const primary = [...(withData.length ? withData : kpis)].sort((a, b) => b.weight - a.weight)[0];
  const weighted = kpis.filter((k) => k.progress !== null);
  const wsum = weighted.reduce((s, k) => s + k.weight, 0);
  const progress =
    wsum > 0 ? weighted.reduce((s, k) => s + k.weight * (k.progress as number), 0) / wsum : null;
  if (!primary) return { ...own, measuredBy: kpis };
  const { weight: _weight, ...fromPrimary } = primary;
  return {
    ...fromPrimary,
    code: ind.code,
    progress,
    target: own.target,
    reason: {
      code: primary.reason.code,
      vi: `${primary.code}: ${primary.reason.vi}`,
      en: `${primary.code}: ${primary.reason.en}`,
    },
    basedOn: primary.code,
    measuredBy: kpis,
  };
}

export interface Rollup {
  status: Status;
  progress: number | null;
  counts: Record<Status, number>;
}

/** Status and progress of a group (a system, the plan) from weighted parts. */
export function rollUpStatus(
  parts: readonly { status: Status; progress: number | null; weight: number }[],
): Rollup {
  const counts: Record<Status, number> = { on_track: 0, at_risk: 0, off_track: 0, achieved: 0, no_data: 0 };
  for (const p of parts) counts[p.status]++;
  const assessed = parts.filter((p) => p.status !== "no_data");
  const total = assessed.reduce((s, p) => s + p.weight, 0);
  const withProgress = parts.filter((p) => p.progress !== null);
  const pw = withProgress.reduce((s, p) => s + p.weight, 0);
  const progress =
    pw > 0 ? withProgress.reduce((s, p) => s + p.weight * (p.progress as number), 0) / pw : null;
  if (total === 0) return { status: "no_data", progress, counts };
  const share = (pred: (s: Status) => boolean) =>
    assessed.filter((p) => pred(p.status)).reduce((s, p) => s + p.weight, 0) / total;
  const status: Status =
    share((s) => s === "off_track") >= 1 / 3
      ? "off_track"
      : share((s) => s === "off_track" || s === "at_risk") >= 1 / 3
        ? "at_risk"
        : share((s) => s === "achieved") === 1
          ? "achieved"
          : "on_track";
  return { status, progress, counts };
}
