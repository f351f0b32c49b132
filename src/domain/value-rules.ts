/**
 * Rules every indicator value obeys, whoever writes it (docs/access.md, "Values: who may change
 * what"): who reports a value cell, which states lock a value against its unit, the range a value
 * must lie in, and the periods a value may be reported for. Pure functions, shared with the web app.
 */
import {
  comparePeriods,
  formatPeriod,
  type Period,
  type PeriodKind,
  parsePeriod,
  periodOf,
} from "./periods.js";

export type ReportedBy = "unit" | "responsible";
export type ValueStatus = "draft" | "submitted" | "approved";

/**
 * The unit that reports a cell: an existing value keeps the reporter it was created with (a write
 * never changes it); a new cell is reported by the unit itself, or by the indicator's responsible
 * unit when the indicator says so.
 */
export function cellReporter(
  indicator: { reportedBy: string; responsibleUnitId: string | null },
  orgUnitId: string,
  existingReporterUnitId?: string | null,
): string {
  if (existingReporterUnitId) return existingReporterUnitId;
  if (indicator.reportedBy === "responsible" && indicator.responsibleUnitId)
    return indicator.responsibleUnitId;
  return orgUnitId;
}

/** Submitted and approved values are out of their unit's hands: only recall (submitted) or a reviewer changes them. */
export function lockedForUnit(status: string): boolean {
  return status === "submitted" || status === "approved";
}

export type ValueTransition = "submit" | "recall" | "approve" | "return";

/** The moves of a value between states: the states each starts from, and the state it leads to. */
export const valueTransitions: Record<ValueTransition, { from: readonly string[]; to: ValueStatus }> = {
  submit: { from: ["draft"], to: "submitted" },
  recall: { from: ["submitted"], to: "draft" },
  approve: { from: ["submitted"], to: "approved" },
  return: { from: ["submitted", "approved"], to: "draft" },
};

/** Whether a value in this state may make the move (otherwise 409 INVALID_STATE). */
export function transitionAllowed(action: ValueTransition, status: string): boolean {
  return valueTransitions[action].from.includes(status);
}

/** Only an official (approved) figure is revised; a draft or submitted one is changed by its unit. */
export function revisable(status: string): boolean {
  return status === "approved";
}

export interface Bounds {
  min: number | null;
  max: number | null;
}

/** Why a number lies outside an indicator's bounds, in both languages (null: inside, or no bounds). */
export function boundsProblem(value: number, b: Bounds): { vi: string; en: string } | null {
  const fmt = (n: number) => String(n);
  if (b.min !== null && value < b.min)
    return b.max !== null
      ? {
          vi: `phải từ ${fmt(b.min)} đến ${fmt(b.max)}`,
          en: `must be between ${fmt(b.min)} and ${fmt(b.max)}`,
        }
      : { vi: `không được nhỏ hơn ${fmt(b.min)}`, en: `must be at least ${fmt(b.min)}` };
  if (b.max !== null && value > b.max)
    return b.min !== null
      ? {
          vi: `phải từ ${fmt(b.min)} đến ${fmt(b.max)}`,
          en: `must be between ${fmt(b.min)} and ${fmt(b.max)}`,
        }
      : { vi: `không được lớn hơn ${fmt(b.max)}`, en: `must be at most ${fmt(b.max)}` };
  return null;
}

/** Vietnam's clock (UTC+7 all year, no daylight saving): the period a reporting officer is in. */
export function currentPeriod(kind: PeriodKind, now: Date): Period {
  const local = new Date(now.getTime() + 7 * 3_600_000);
  return periodOf(kind, local.getUTCFullYear(), local.getUTCMonth() + 1);
}

/**
 * Whether a value may be reported for `code` now: not after the current period (in Vietnam) and
 * not before the earliest baseline year of the plans tracking the indicator (null: no limit).
 */
export function periodWindowProblem(
  code: string,
  now: Date,
  baselineYear: number | null,
): { vi: string; en: string } | null {
  const p = parsePeriod(code);
  const current = currentPeriod(p.kind, now);
  if (comparePeriods(p, current) > 0)
    return {
      vi: `kỳ ${code} chưa đến (kỳ hiện tại là ${formatPeriod(current)})`,
      en: `period ${code} has not begun (the current period is ${formatPeriod(current)})`,
    };
  if (baselineYear !== null && p.year < baselineYear)
    return {
      vi: `kỳ ${code} trước năm gốc ${baselineYear} của kế hoạch`,
      en: `period ${code} is before the plan's baseline year ${baselineYear}`,
    };
  return null;
}
