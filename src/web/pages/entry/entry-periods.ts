/**
 * The periods the grid offers and how it names them. Pure; built on the domain's period codes
 * (2026-03, 2026-Q1, 2026-H1, 2026) and Viet Nam's clock, as the server's default period is.
 */
import { formatPeriod, type PeriodKind, parsePeriod, previous } from "../../../domain/periods.js";
import { currentPeriod } from "../../../domain/value-rules.js";
import type { Lang } from "../../lib/format.js";

export const KIND_ORDER: readonly PeriodKind[] = ["month", "quarter", "half_year", "year"];

/** How many periods of each kind the picker lists, newest first: two years of months, and so on. */
const DEPTH: Record<PeriodKind, number> = { month: 24, quarter: 8, half_year: 6, year: 5 };

export function currentPeriodCode(kind: PeriodKind, now: Date = new Date()): string {
  return formatPeriod(currentPeriod(kind, now));
}

export function kindOf(code: string): PeriodKind | null {
  try {
    return parsePeriod(code).kind;
  } catch {
    return null;
  }
}

/** The current period of `kind` and the ones before it, newest first; `keep` (the open one) included. */
export function periodChoices(kind: PeriodKind, now: Date = new Date(), keep?: string): string[] {
  const out: string[] = [];
  let p = currentPeriod(kind, now);
  for (let i = 0; i < DEPTH[kind]; i++) {
    out.push(formatPeriod(p));
    p = previous(p);
  }
  if (keep && kindOf(keep) === kind && !out.includes(keep)) out.push(keep);
  return out.sort().reverse();
}

/** "Tháng 3/2026", "Quý 1/2026", "6 tháng đầu năm 2026", "Năm 2026" (en: "March 2026", "Q1 2026", "H1 2026", "2026"). */
export function periodLabel(code: string, lang: Lang): string {
  let p: ReturnType<typeof parsePeriod>;
  try {
    p = parsePeriod(code);
  } catch {
    return code;
  }
  const { year, index } = p;
  if (lang === "vi")
    switch (p.kind) {
      case "month":
        return `Tháng ${index}/${year}`;
      case "quarter":
        return `Quý ${index}/${year}`;
      case "half_year":
        return `6 tháng ${index === 1 ? "đầu" : "cuối"} năm ${year}`;
      default:
        return `Năm ${year}`;
    }
  switch (p.kind) {
    case "month":
      return `${MONTHS_EN[index - 1]} ${year}`;
    case "quarter":
      return `Q${index} ${year}`;
    case "half_year":
      return `H${index} ${year}`;
    default:
      return String(year);
  }
}

const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** A history column's short head: "12/25", "Q4/25", "H2/25", "2025". */
export function shortPeriod(code: string): string {
  try {
    const p = parsePeriod(code);
    const yy = String(p.year % 100).padStart(2, "0");
    if (p.kind === "month") return `${String(p.index).padStart(2, "0")}/${yy}`;
    if (p.kind === "quarter") return `Q${p.index}/${yy}`;
    if (p.kind === "half_year") return `H${p.index}/${yy}`;
    return String(p.year);
  } catch {
    return code;
  }
}

/** The period kinds the picker offers: months always, the open one, and the longer ones the unit reports. */
export function kindChoices(
  open: PeriodKind,
  related: readonly { periodKind: string; indicators: number }[],
): PeriodKind[] {
  const kinds = new Set<PeriodKind>(["month", open]);
  for (const r of related) {
    const k = KIND_ORDER.find((x) => x === r.periodKind);
    if (k && r.indicators > 0) kinds.add(k);
  }
  return KIND_ORDER.filter((k) => kinds.has(k));
}
