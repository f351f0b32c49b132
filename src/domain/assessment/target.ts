/**
 * A target as the assessment reads it, the two rules every reader of a target shares (which way
 * is better, whether a value meets it), and how a target and its numbers are written.
 */

export type TargetKind = "value" | "range" | "rank" | "growth_rate" | "milestone" | "qualitative";
export type Comparator = ">" | ">=" | "<" | "<=" | "=" | "between" | "top";

/**
 * An indicator's unit of measure: Vietnamese, and English where the plan gives it (a sentence in
 * English falls back to the Vietnamese). A bare string reads the same in both languages ("%").
 */
export type UnitText = string | { vi: string; en?: string | null };

/** The unit in a language: the English form when there is one, else the Vietnamese. */
export function unitIn(unit: UnitText | null | undefined, lang: "vi" | "en"): string {
  if (!unit) return "";
  if (typeof unit === "string") return unit;
  return lang === "en" && unit.en ? unit.en : unit.vi;
}

/** A unit naming places in a ranking ("hạng" / "rank"): its values are written "hạng 39" / "rank 39". */
export function isRankUnit(unit: UnitText | null | undefined): boolean {
  const vi = unitIn(unit, "vi");
  return vi === "hạng" || vi === "rank" || unitIn(unit, "en") === "rank";
}

export interface TargetSpec {
  kind: TargetKind;
  comparator: Comparator;
  year: number;
  value: number | null;
  valueMax?: number | null;
  achieved?: boolean | null;
  unit?: UnitText | null;
}

/** Tolerance of comparisons with a target (floating-point noise, not a margin). */
export const EPS = 1e-9;

/** True when a higher value is better for this target. */
export function higherIsBetter(t: TargetSpec): boolean {
  return !(t.comparator === "top" || t.comparator === "<" || t.comparator === "<=");
}

/**
 * Whether a value meets the target. A numeric "=" target ("đạt 100 %") is met by reaching it, as
 * higherIsBetter reads it: one meaning for the status, the chance, progress and the sentence.
 */
export function meets(t: TargetSpec, v: number): boolean {
  const goal = t.value ?? 0;
  switch (t.comparator) {
    case ">":
      return v > goal + EPS;
    case ">=":
    case "between":
    case "=":
      return v >= goal - EPS;
    case "<":
      return v < goal - EPS;
    case "<=":
    case "top":
      return v <= goal + EPS;
  }
}

// Building an Intl.NumberFormat costs far more than using one: keep the four this needs.
const formats = new Map<string, Intl.NumberFormat>();

export function formatNumber(v: number, lang: "vi" | "en"): string {
  const digits = Math.abs(v) < 10 ? 2 : 1;
  const key = `${lang}${digits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-GB", { maximumFractionDigits: digits });
    formats.set(key, f);
  }
  return f.format(v);
}

export function describeTarget(t: TargetSpec, lang: "vi" | "en"): string {
  const unit = unitIn(t.unit, lang);
  const u = unit ? ` ${unit}` : "";
  const n = (x: number | null | undefined) => formatNumber(x ?? 0, lang);
  if (t.comparator === "top") return lang === "vi" ? `nhóm ${n(t.value)} dẫn đầu` : `top ${n(t.value)}`;
  if (t.comparator === "between") return `${n(t.value)}–${n(t.valueMax)}${u}`;
  return `${t.comparator === "=" ? "" : `${t.comparator} `}${n(t.value)}${u}`;
}

/**
 * How far a value falls short of the target, in the indicator's unit: 0 when it meets the target,
 * the distance to the goal on the wrong side otherwise (`higherIsBetter` says which side). A
 * milestone's goal is 1 (done); a qualitative target, or one without a value, has none: null.
 */
export function shortfall(t: TargetSpec, v: number): number | null {
  if (t.kind === "qualitative") return null;
  if (t.kind === "milestone") return v >= 1 - EPS ? 0 : 1 - v;
  if (t.value === null) return null;
  if (meets(t, v)) return 0;
  return Math.max(0, higherIsBetter(t) ? t.value - v : v - t.value);
}
