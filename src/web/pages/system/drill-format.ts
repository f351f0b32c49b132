/**
 * How drill-down pages write a target ("≥ 80 % (2030)", "top 20 (2030)") and a latest value with
 * its period. Pure, so it is tested without a DOM.
 */
import { isRankUnit, type UnitText, unitIn } from "../../../domain/assessment/target.js";
import { formatNumber, type Lang } from "../../lib/format.js";

export interface TargetLike {
  comparator: string;
  value: number | null;
  valueMax: number | null;
  year: number;
}

const SYMBOL: Record<string, string> = { ">": ">", ">=": "≥", "<": "<", "<=": "≤", "=": "=" };

/** A target as one short phrase; null value (qualitative) → just the year's label. */
export function formatTarget(t: TargetLike, unitText: UnitText | null, lang: Lang): string {
  const unit = unitIn(unitText, lang);
  const u = unit && !isRankUnit(unitText) ? ` ${unit}` : "";
  const v = formatNumber(t.value, lang);
  let body: string;
  if (t.value === null) body = lang === "vi" ? "định tính" : "qualitative";
  else if (t.comparator === "between") body = `${v}–${formatNumber(t.valueMax, lang)}${u}`;
  else if (t.comparator === "top") body = lang === "vi" ? `nhóm ${v} dẫn đầu` : `top ${v}`;
  else body = `${SYMBOL[t.comparator] ?? t.comparator} ${v}${u}`;
  return `${body} (${t.year})`;
}

/** A value with its unit in the page's language: "62,5 %" / "hạng 39" for ranks. */
export function formatValue(value: number | null | undefined, unitText: UnitText | null, lang: Lang): string {
  if (value === null || value === undefined) return "—";
  const n = formatNumber(value, lang);
  if (isRankUnit(unitText)) return lang === "vi" ? `hạng ${n}` : `rank ${n}`;
  const unit = unitIn(unitText, lang);
  return unit ? `${n} ${unit}` : n;
}
