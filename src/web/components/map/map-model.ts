/**
 * The province map's logic, kept free of React so it is tested on its own: which indicators have
 * values by unit, the latest period with a value, how tiles are coloured (by each unit's status
 * when units carry their own targets, otherwise by value in five classes), and the ranking.
 */

import { compareCodes } from "../../lib/compare.js";
import type { Status } from "../status.js";

/** A bilingual name as the API gives it (English may be missing). */
export interface Localized {
  vi: string;
  en: string | null;
}

export function pickName(name: Localized, lang: "vi" | "en"): string {
  return lang === "en" && name.en ? name.en : name.vi;
}

export interface IndicatorInfo {
  code: string;
  tier: string;
  name: Localized;
  unit: Localized | null;
  direction: string;
  reportedBy: string;
  formula: string | null;
}

/**
 * Indicators that have a value for each province: those every unit reports itself, and the KPIs
 * computed only from such indicators. Those whose values come from one responsible body (GDP, a
 * world ranking) exist for the country alone and would draw an empty map.
 */
export function mapIndicators(all: readonly IndicatorInfo[]): IndicatorInfo[] {
  const byUnits = new Set(
    all.filter((i) => i.reportedBy === "unit" && i.tier !== "objective").map((i) => i.code),
  );
  const computedFromUnits = (i: IndicatorInfo) => {
    if (!i.formula) return false;
    const refs = i.formula.match(/[A-Z][A-Z0-9_]{2,}/g) ?? [];
    return refs.length > 0 && refs.every((r) => byUnits.has(r));
  };
  const tierOrder = (t: string) => (t === "kpi" ? 0 : t === "operational" ? 1 : 2);
  return all
    .filter((i) => i.tier !== "objective" && (byUnits.has(i.code) || computedFromUnits(i)))
    .sort((a, b) => tierOrder(a.tier) - tierOrder(b.tier) || compareCodes(a.code, b.code));
}

/** The default: the first candidate that measures a target, in the plan's order of targets. */
export function defaultIndicator(
  candidates: readonly IndicatorInfo[],
  targets: readonly { measuredBy: readonly { code: string }[] }[],
): string | undefined {
  const codes = new Set(candidates.map((c) => c.code));
  for (const t of targets) for (const m of t.measuredBy) if (codes.has(m.code)) return m.code;
  return candidates[0]?.code;
}

/** The latest period of a series that has a value (the current month may have none yet). */
export function latestPeriod(points: readonly { period: string; value: number | null }[]): string | null {
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i];
    if (p && p.value !== null) return p.period;
  }
  return null;
}

export interface UnitValue {
  code: string;
  name: Localized;
  value: number | null;
  partial: boolean;
  status: Status;
  /** Whether the unit has a target of its own (no_target otherwise). */
  hasTarget: boolean;
}

export type ColourMode = "status" | "value";

/** Status when some units are judged against targets of their own; the value otherwise. */
export function colourMode(units: readonly UnitValue[]): ColourMode {
  return units.some((u) => u.hasTarget && u.value !== null) ? "status" : "value";
}

/** Light to mid blue: every class keeps a dark label above 4.5:1. */
export const valueFills = ["#eef4fb", "#d3e4f5", "#afcdec", "#8bb6e2", "#6a9ed5"] as const;
export const noValueFill = "#f4f4f4";

export interface ValueClass {
  index: number;
  low: number;
  high: number;
  fill: string;
}

/**
 * Five classes of equal count (quintiles) over the values shown, lowest first; fewer when there
 * are fewer distinct values. Equal counts keep every colour in use whatever the spread.
 */
export function valueClasses(values: readonly number[]): ValueClass[] {
  const sorted = [...values].filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const n = Math.min(valueFills.length, new Set(sorted).size);
  const out: ValueClass[] = [];
  let start = 0;
  for (let k = 0; k < n && start < sorted.length; k++) {
    let end = Math.max(start, Math.floor(((k + 1) * sorted.length) / n) - 1);
    // Equal values stay in one class: a class ends after the last copy of its highest value.
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end]) end++;
    out.push({ index: out.length, low: sorted[start] ?? 0, high: sorted[end] ?? 0, fill: "" });
    start = end + 1;
  }
  // Spread the palette over however many classes remain, so the darkest is always the highest.
  return out.map((c, i) => ({
    ...c,
    fill:
      valueFills[out.length === 1 ? 2 : Math.round((i * (valueFills.length - 1)) / (out.length - 1))] ?? "",
  }));
}

export function classOf(value: number | null, classes: readonly ValueClass[]): ValueClass | null {
  if (value === null) return null;
  return classes.find((c) => value <= c.high) ?? classes.at(-1) ?? null;
}

export interface Ranked extends UnitValue {
  rank: number;
}

/** Units with a value, best first by the indicator's direction (rank 1 is the best). */
export function rankUnits(units: readonly UnitValue[], direction: string): Ranked[] {
  const lowerBetter = direction === "lower_better";
  const withValue = units.filter((u): u is UnitValue & { value: number } => u.value !== null);
  withValue.sort((a, b) => (lowerBetter ? a.value - b.value : b.value - a.value));
  let rank = 0;
  let last: number | null = null;
  return withValue.map((u, i) => {
    if (u.value !== last) rank = i + 1;
    last = u.value;
    return { ...u, rank };
  });
}
