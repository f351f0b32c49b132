/**
 * Excel as Chỉ Nam writes it, streamed: exceljs's streaming writer commits each row as it comes,
 * text as inline string cells (never a formula, never a shared-strings table held in memory).
 */
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import type { Cell } from "./cell.js";
import { encodeOoxmlText, xlsxSafeText } from "./spreadsheet-text.js";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** An Excel cell: text as an inline string cell; numbers and yes/no as they are; null empty. */
export function xlsxCell(v: Cell): ExcelJS.CellValue {
  return typeof v === "string" ? { richText: [{ text: encodeOoxmlText(xlsxSafeText(v)) }] } : v;
}

/** Writes one sheet of a header and pages of rows into `out`; resolves when the workbook is complete. */
export async function writeXlsx(
  out: Writable,
  sheet: string,
  header: readonly Cell[],
  pages: AsyncIterable<readonly Cell[][]>,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
  const ws = wb.addWorksheet(sheet);
  ws.addRow(header.map(xlsxCell)).commit();
  for await (const rows of pages) for (const r of rows) ws.addRow(r.map(xlsxCell)).commit();
  ws.commit();
  await wb.commit();
}
