/**
 * Text cells in the spreadsheets the platform writes and reads. A cell starting with `=`, `+`,
 * `-`, `@`, a tab or a carriage return is run as a formula by spreadsheet programs when a CSV is
 * opened (CSV/formula injection: `=HYPERLINK(…)`, `=cmd|' /C calc'!A0`). Writers prefix such text
 * with `'`, which spreadsheets show as text; readers take one `'` back off, so an export imports
 * back unchanged. Text already starting with `'` before such a character gets one more, so the
 * round trip is exact. Numbers are never prefixed: a negative growth rate stays a number.
 */

/** Text a spreadsheet would take for a formula, possibly behind apostrophes we added. */
const FORMULA_LIKE = /^'*[=+\-@\t\r]/;

/** A text cell as a CSV writer should write it (before quoting). */
export function csvSafeText(text: string): string {
  return FORMULA_LIKE.test(text) ? `'${text}` : text;
}

/**
 * A text cell as the .xlsx writer should write it. String cells are never formulas there, so the
 * apostrophe is added only where the reader would otherwise change the text: before a leading tab
 * or carriage return (trimmed as whitespace on import), and before text that already starts with
 * an apostrophe and a formula character (the reader takes one off).
 */
export function xlsxSafeText(text: string): string {
  return /^'*[\t\r]/.test(text) || (text.startsWith("'") && FORMULA_LIKE.test(text)) ? `'${text}` : text;
}

/** A text cell as read from an uploaded CSV or .xlsx: one protecting apostrophe removed. */
export function unprotectText(text: string): string {
  return text.startsWith("'") && FORMULA_LIKE.test(text.slice(1)) ? text.slice(1) : text;
}

/**
 * OOXML strings escape characters XML cannot carry as `_xHHHH_` (a carriage return is normalised
 * to a line feed by every XML parser, so Excel writes `_x000D_`); a literal `_xHHHH_` has its
 * underscore escaped as `_x005F_`.
 */
export function encodeOoxmlText(text: string): string {
  return text.replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F${m.slice(1)}`).replace(/\r/g, "_x000D_");
}

export function decodeOoxmlText(text: string): string {
  return text.includes("_x")
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)))
    : text;
}
