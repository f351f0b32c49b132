/**
 * The indicator's version history as rows of a diff: for each version what changed (field,
 * before → after), who, when and why. The API gives `changes` per version (null on creation); a
 * created target is shown by its snapshot (comparator, value, year). Pure, so it is tested
 * without a DOM.
 */
import { formatNumber, type Lang } from "../../lib/format.js";

export interface HistoryItem {
  entity: "indicator" | "target";
  version: number;
  action: "create" | "update" | "retire";
  target: { plan: string | null; year: number; orgUnit: string | null } | null;
  changedBy: string;
  changedAt: string;
  reason: string | null;
  changes: Record<string, { from: unknown; to: unknown }> | null;
  snapshot: Record<string, unknown>;
}

export interface DiffLine {
  field: string;
  before: string;
  after: string;
}

export interface HistoryRow {
  key: string;
  entity: "indicator" | "target";
  action: "create" | "update" | "retire";
  version: number;
  target: HistoryItem["target"];
  who: string;
  when: string;
  reason: string | null;
  lines: DiffLine[];
}

/** Fields of a target's snapshot worth showing when it is created, in reading order. */
const TARGET_FIELDS = ["comparator", "value", "valueMax", "achieved", "noteVi", "noteEn"];

function isBilingual(v: unknown): v is { vi: string; en?: string | null } {
  return typeof v === "object" && v !== null && "vi" in v && typeof (v as { vi: unknown }).vi === "string";
}

/** One value of a field as text: numbers the language's way, {vi, en} in the page's language. */
export function showValue(v: unknown, lang: Lang): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "number") return formatNumber(v, lang, 6);
  if (typeof v === "boolean") return lang === "vi" ? (v ? "có" : "không") : v ? "yes" : "no";
  if (typeof v === "string") return v;
  if (isBilingual(v)) return lang === "en" && v.en ? v.en : v.vi;
  if (Array.isArray(v)) return v.length === 0 ? "—" : v.map((x) => showValue(x, lang)).join(", ");
  if (typeof v === "object")
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k}: ${showValue(x, lang)}`)
      .join("; ");
  return String(v);
}

export function historyRows(items: readonly HistoryItem[], lang: Lang): HistoryRow[] {
  return items.map((it) => {
    let lines: DiffLine[] = [];
    if (it.changes)
      lines = Object.entries(it.changes).map(([field, c]) => ({
        field,
        before: showValue(c.from, lang),
        after: showValue(c.to, lang),
      }));
    else if (it.entity === "target" && it.action === "create")
      lines = TARGET_FIELDS.filter((f) => it.snapshot[f] !== null && it.snapshot[f] !== undefined).map(
        (f) => ({
          field: f,
          before: "—",
          after: showValue(it.snapshot[f], lang),
        }),
      );
    return {
      key: `${it.entity}-${it.target?.plan ?? ""}-${it.target?.year ?? ""}-${it.target?.orgUnit ?? ""}-${it.version}`,
      entity: it.entity,
      action: it.action,
      version: it.version,
      target: it.target,
      who: it.changedBy,
      when: it.changedAt,
      reason: it.reason,
      lines,
    };
  });
}
