/** Numbers typed into the administration forms: empty is "none", otherwise read the way people write. */
import { parseLocalizedNumber } from "../../../domain/numbers.js";
import type { Lang } from "../../lib/format.js";

export type NumberField = { ok: true; value: number | null } | { ok: false; message: string };

export function readNumber(input: string, lang: Lang): NumberField {
  if (input.trim() === "") return { ok: true, value: null };
  const n = parseLocalizedNumber(input);
  return n.ok ? { ok: true, value: n.value } : { ok: false, message: lang === "vi" ? n.vi : n.en };
}

/** A number as the form shows it: plain, with a dot for decimals (read back unambiguously). */
export function writeNumber(v: number | null | undefined): string {
  return v === null || v === undefined ? "" : String(v);
}
