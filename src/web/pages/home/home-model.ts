/**
 * What the national dashboard computes from the API's answers, kept free of React so it is tested
 * without a DOM: the plan's grouping of targets (objectives I.2.a–e and I.3), how a target, a
 * forecast and a status change are written, and the order statuses are listed in.
 */
import { isRankUnit, type UnitText, unitIn } from "../../../domain/assessment/target.js";
import type { Status } from "../../components/status.js";
import { compareCodes } from "../../lib/compare.js";
import { formatNumber, type Lang } from "../../lib/format.js";

export const statusOrder: readonly Status[] = ["off_track", "at_risk", "no_data", "on_track", "achieved"];

export type Counts = Record<Status, number>;

/** The statuses with at least one item, worst first: what a card lists as "3 chậm · 2 nguy cơ". */
export function countEntries(counts: Counts): [Status, number][] {
  return statusOrder.flatMap((s) => (counts[s] > 0 ? [[s, counts[s]] as [Status, number]] : []));
}

export function countAll(counts: Counts): number {
  return statusOrder.reduce((n, s) => n + counts[s], 0);
}

export function countStatuses(items: readonly { status: Status }[]): Counts {
  const c: Counts = { off_track: 0, at_risk: 0, no_data: 0, on_track: 0, achieved: 0 };
  for (const i of items) c[i.status] += 1;
  return c;
}

export interface ObjectiveLike {
  code: string;
  name: { vi: string; en: string | null };
  sourceRef: string | null;
  children: string[];
}

export interface Group<T> {
  /** null: targets no objective of the plan names (kept, under "other targets"). */
  objective: ObjectiveLike | null;
  targets: T[];
}

/** Sorts section references as the plan numbers them: I.2.a < I.2.e < I.3 < II.1. */
export function compareSourceRef(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compareCodes(a, b);
}

/**
 * The targets grouped under the objectives that list them as children, in the plan's section
 * order; objectives with no target of the overview (the general objective) are left out, and a
 * target belongs to the first objective naming it. Targets keep the overview's order.
 */
export function groupTargets<T extends { code: string }>(
  objectives: readonly ObjectiveLike[],
  targets: readonly T[],
): Group<T>[] {
  const byCode = new Map(targets.map((t) => [t.code, t]));
  const placed = new Set<string>();
  const groups: Group<T>[] = [];
  const sorted = [...objectives].sort(
    (a, b) => compareSourceRef(a.sourceRef, b.sourceRef) || compareCodes(a.code, b.code),
  );
  for (const objective of sorted) {
    const children = new Set(objective.children);
    const inGroup = targets.filter((t) => children.has(t.code) && !placed.has(t.code));
    if (inGroup.length === 0) continue;
    for (const t of inGroup) placed.add(t.code);
    groups.push({ objective, targets: inGroup });
  }
  const rest = [...byCode.values()].filter((t) => !placed.has(t.code));
  if (rest.length > 0) groups.push({ objective: null, targets: rest });
  return groups;
}

export interface TargetLine {
  year: number;
  comparator: string;
  value: number | null;
  valueMax: number | null;
  kind: string;
}

const symbols: Record<string, string> = { ">": ">", ">=": "≥", "<": "<", "<=": "≤", "=": "=" };
/** Target kinds read as a word ("achieved"), not a number. */
const wordedKinds = new Set(["milestone", "qualitative"]);

/** A target as read on the dashboard: "≥ 40 %", "45–50 %", "top 30", or "achieved" for a milestone. */
export function describeTarget(t: TargetLine, unitText: UnitText | null, lang: Lang): string {
  const unit = unitIn(unitText, lang);
  const u = unit ? (unit === "%" && lang === "en" ? "%" : ` ${unit}`) : "";
  const n = (x: number | null) => formatNumber(x, lang);
  if (wordedKinds.has(t.kind) || t.value === null) return lang === "vi" ? "hoàn thành" : "achieved";
  if (t.comparator === "top") return lang === "vi" ? `nhóm ${n(t.value)} dẫn đầu` : `top ${n(t.value)}`;
  if (t.comparator === "between") return `${n(t.value)}–${n(t.valueMax)}${u}`;
  const sym = symbols[t.comparator] ?? t.comparator;
  return `${sym} ${n(t.value)}${u}`;
}

/**
 * A value with its unit in the page's language: "42,1 %" / "42.1%", "12 doanh nghiệp" /
 * "12 enterprises", a rank as a place: "hạng 54" / "rank 54".
 */
export function withUnit(value: number | null, unitText: UnitText | null, lang: Lang): string {
  const v = formatNumber(value, lang);
  const unit = unitIn(unitText, lang);
  if (!unit || value === null) return v;
  if (isRankUnit(unitText)) return `${lang === "vi" ? "hạng" : "rank"} ${v}`;
  return unit === "%" && lang === "en" ? `${v}%` : `${v} ${unit}`;
}

export interface ForecastLike {
  year: number;
  value: number;
  low80: number;
  high80: number;
}

/** The forecast's point and 80 % band, e.g. "38,2 (80 %: 35,0–41,4)". */
export function describeForecast(f: ForecastLike, unit: UnitText | null, lang: Lang): string {
  const band = `${formatNumber(f.low80, lang)}–${formatNumber(f.high80, lang)}`;
  return `${withUnit(f.value, unit, lang)} (80${lang === "vi" ? " %" : "%"}: ${band})`;
}

export interface ChangeLike {
  status: Status;
  previousStatus: Status | null;
  changedAt: string | null;
}

/** Since when a status holds: the period that moved it there and the status before, if known. */
export function sinceOf(t: ChangeLike): { period: string; from: Status | null; to: Status } | null {
  if (!t.changedAt) return null;
  return { period: t.changedAt, from: t.previousStatus, to: t.status };
}

/** A period code as people write it: 2026-07 → 07/2026, 2026-Q3 → Q3/2026, 2026 stays. */
export function formatPeriod(period: string): string {
  const m = /^(\d{4})-(\d{2}|Q[1-4]|H[12])$/.exec(period);
  return m ? `${m[2]}/${m[1]}` : period;
}

/** A share 0..1 as a whole percentage for a progress bar (clamped; null → 0). */
export function progressPercent(p: number | null): number {
  if (p === null || !Number.isFinite(p)) return 0;
  return Math.round(Math.min(1, Math.max(0, p)) * 100);
}

/** A reason without its leading "INDICATOR_CODE: " (the row already says what it measures). */
export function reasonText(reason: string, basedOn: string | null): string {
  return basedOn && reason.startsWith(`${basedOn}: `) ? reason.slice(basedOn.length + 2) : reason;
}

/** Bilingual API text in the page's language (English may be missing: Vietnamese then). */
export function pick(text: { vi: string; en: string | null } | null | undefined, lang: Lang): string {
  if (!text) return "";
  return lang === "en" && text.en ? text.en : text.vi;
}
