/**
 * CSV as Chỉ Nam writes it: UTF-8 with a byte-order mark, `;`-separated (as Vietnamese Excel
 * expects), text protected against formula injection and quoted when needed, numbers written so
 * that they read back one way on re-import.
 */

import type { Cell } from "./cell.js";
import { csvSafeText } from "./spreadsheet-text.js";

/** A CSV cell: text protected and quoted when needed; numbers as they are. */
export function csvCell(v: Cell): string {
  if (v === null) return "";
  // 1.234 would read two ways on re-import: write 1.2340, which reads one way.
  if (typeof v === "number") return /^-?\d{1,3}\.\d{3}$/.test(String(v)) ? `${v}0` : String(v);
  if (typeof v === "boolean") return String(v);
  const t = csvSafeText(v);
  return /[;"\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

export const CSV_TYPE = "text/csv; charset=utf-8";

/** The CSV text of a header and pages of rows, a page at a time (each ends with a line feed). */
export async function* csvChunks(
  header: readonly Cell[],
  pages: AsyncIterable<readonly Cell[][]>,
): AsyncGenerator<string> {
  yield `\ufeff${header.map(csvCell).join(";")}\n`;
  for await (const rows of pages)
    if (rows.length > 0) yield `${rows.map((r) => r.map(csvCell).join(";")).join("\n")}\n`;
}
