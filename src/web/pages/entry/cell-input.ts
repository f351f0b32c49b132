/**
 * What a typed or pasted cell text means: a number (or yes/no for a milestone) read exactly as the
 * import reads a spreadsheet cell (src/domain/numbers.ts — one rule, so a value pasted from Excel
 * here and the same sheet uploaded give the same figure), then the indicator's bounds. Pure: the
 * grid shows the message next to the cell before anything is sent; the server checks again.
 */
import { parseLocalizedNumber, parseYesNo } from "../../../domain/numbers.js";
import { boundsProblem } from "../../../domain/value-rules.js";
import type { Lang } from "../../lib/format.js";

export type ValueType = "number" | "boolean";
export type Bounds = Parameters<typeof boundsProblem>[1];
export interface Bilingual {
  vi: string;
  en: string;
}

export type CellInput =
  /** Nothing typed: the cell keeps (or goes back to) its saved value. */
  { kind: "empty" } | { kind: "value"; value: number | boolean } | { kind: "invalid"; message: Bilingual };

const NUM = new Map<Lang, Intl.NumberFormat>();
function plain(lang: Lang): Intl.NumberFormat {
  let f = NUM.get(lang);
  if (!f) {
    // No thousands separators in an input: "27.009" would read as 27,009 or 27.009 (refused as ambiguous).
    f = new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-GB", {
      useGrouping: false,
      maximumFractionDigits: 10,
    });
    NUM.set(lang, f);
  }
  return f;
}

/** A value as the cell's input shows it for editing: "12,5" in Vietnamese, "12.5" in English, "có"/"yes". */
export function inputText(value: number | boolean | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean")
    return value ? (lang === "vi" ? "có" : "yes") : lang === "vi" ? "không" : "no";
  return Number.isFinite(value) ? plain(lang).format(value) : "";
}

const GROUPED = new Map<Lang, Intl.NumberFormat>();
/**
 * A value a cell shows but does not let you edit (locked, or not yours): grouped for reading —
 * "27.050" in Vietnamese, "27,050" in English — and exact (no rounding: it is the official figure).
 */
export function readOnlyText(value: number | boolean | null | undefined, lang: Lang): string {
  if (typeof value !== "number") return inputText(value, lang);
  let f = GROUPED.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-GB", { maximumFractionDigits: 10 });
    GROUPED.set(lang, f);
  }
  return Number.isFinite(value) ? f.format(value) : "";
}

/** Reads a cell's text for an indicator of `type` within `bounds`. */
export function readCellInput(text: string, type: ValueType, bounds: Bounds): CellInput {
  const raw = text.trim();
  if (raw === "") return { kind: "empty" };
  if (type === "boolean") {
    const b = parseYesNo(raw);
    return b.ok ? { kind: "value", value: b.value } : { kind: "invalid", message: { vi: b.vi, en: b.en } };
  }
  const n = parseLocalizedNumber(raw);
  if (!n.ok) return { kind: "invalid", message: { vi: n.vi, en: n.en } };
  // The server's own words for a value out of bounds (value-rules.ts), sentence-cased for the cell.
  const out = boundsProblem(n.value, bounds);
  if (out) return { kind: "invalid", message: { vi: capitalize(out.vi), en: capitalize(out.en) } };
  return { kind: "value", value: n.value };
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
