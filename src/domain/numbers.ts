/**
 * Numbers and yes/no answers as people type them in Vietnamese and English spreadsheets.
 * Vietnamese writes 1.234,5 (dot for thousands, comma for decimals); English writes 1,234.5.
 * When a value could be read both ways ("1.234" is 1234 in Vietnamese and 1.234 in English) it is
 * refused with a message asking for an unambiguous form, rather than guessed.
 */

export type ParsedNumber = { ok: true; value: number } | { ok: false; vi: string; en: string };

const ambiguous = (raw: string): ParsedNumber => ({
  ok: false,
  vi: `“${raw}” có thể hiểu hai cách (phần nghìn hay phần thập phân); hãy viết rõ, ví dụ 1234 hoặc 1.234,0`,
  en: `“${raw}” reads two ways (thousands or decimals); write it unambiguously, e.g. 1234 or 1,234.0`,
});

export function parseLocalizedNumber(input: string | number): ParsedNumber {
  if (typeof input === "number")
    return Number.isFinite(input)
      ? { ok: true, value: input }
      : { ok: false, vi: "không phải số", en: "not a number" };
  const raw = input.trim();
  let s = raw.replace(/[\u00a0\u202f ]/g, "");
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith("-") || s.startsWith("−")) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith("+")) s = s.slice(1);
  if (s.endsWith("%")) s = s.slice(0, -1);
  if (!/^[0-9.,]+$/.test(s) || !/[0-9]/.test(s))
    return { ok: false, vi: `“${raw}” không phải là số`, en: `“${raw}” is not a number` };
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  let normalized: string;
  if (dots > 0 && commas > 0) {
    const decimal = s.lastIndexOf(",") > s.lastIndexOf(".") ? "," : ".";
    const thousands = decimal === "," ? "." : ",";
    const [intPart = "", frac = "", ...rest] = s.split(decimal);
    if (rest.length > 0 || !validGroups(intPart, thousands))
      return { ok: false, vi: `“${raw}” sai định dạng số`, en: `“${raw}” is not a well-formed number` };
    normalized = `${intPart.split(thousands).join("")}.${frac}`;
  } else if (dots + commas === 0) {
    normalized = s;
  } else {
    const sep = dots > 0 ? "." : ",";
    const parts = s.split(sep);
    if (parts.length > 2) {
      // Several separators of one kind: thousands groups (1.234.567 or 1,234,567).
      if (!validGroups(s, sep))
        return { ok: false, vi: `“${raw}” sai định dạng số`, en: `“${raw}” is not a well-formed number` };
      normalized = parts.join("");
    } else {
      const [intPart = "", frac = ""] = parts;
      // One separator followed by exactly three digits: thousands or decimals? Refuse to guess.
      if (frac.length === 3 && intPart.length >= 1 && intPart.length <= 3 && intPart !== "0")
        return ambiguous(raw);
      normalized = `${intPart || "0"}.${frac}`;
    }
  }
  const value = Number(normalized);
  if (!Number.isFinite(value))
    return { ok: false, vi: `“${raw}” không phải là số`, en: `“${raw}” is not a number` };
  return { ok: true, value: negative ? -value : value };
}

function validGroups(s: string, sep: string): boolean {
  const groups = s.split(sep);
  return groups.every((g, i) => (i === 0 ? g.length >= 1 && g.length <= 3 : g.length === 3));
}

const YES = new Set([
  "có",
  "co",
  "đạt",
  "dat",
  "rồi",
  "x",
  "yes",
  "y",
  "true",
  "1",
  "đã hoàn thành",
  "hoàn thành",
  "done",
]);
const NO = new Set([
  "không",
  "khong",
  "chưa",
  "chua",
  "chưa đạt",
  "no",
  "n",
  "false",
  "0",
  "chưa hoàn thành",
]);

export type ParsedBool = { ok: true; value: boolean } | { ok: false; vi: string; en: string };

export function parseYesNo(input: string | boolean | number): ParsedBool {
  if (typeof input === "boolean") return { ok: true, value: input };
  const s = String(input).trim().toLowerCase().normalize("NFC");
  if (YES.has(s)) return { ok: true, value: true };
  if (NO.has(s)) return { ok: true, value: false };
  return { ok: false, vi: `“${input}” không phải có/không`, en: `“${input}” is not yes/no` };
}
