/**
 * Exporting values as CSV or Excel, streamed page by page (an export of millions of values is
 * never held whole). The headers are the ones the import reads, so an export imports back
 * unchanged. Text cells are protected against formula injection (spreadsheet-text.ts): in CSV a
 * leading `'`; in Excel text is always a string cell, never a formula; numbers stay numbers.
 */
import { PassThrough, Readable } from "node:stream";
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { Executor } from "../../../db/client.js";
import { indicators, observations } from "../../../db/schema/index.js";
import { csvSafeText, encodeOoxmlText, xlsxSafeText } from "../../core/export/spreadsheet-text.js";
import type { ObservationRow } from "../values/service.js";

export const EXPORT_HEADER = [
  "mã chỉ tiêu",
  "mã đơn vị",
  "kỳ",
  "giá trị",
  "trạng thái",
  "nguồn",
  "ghi chú",
  // Without it a re-imported export would clear every value's evidence link.
  "minh chứng",
  "phiên bản",
  "cập nhật",
];

/** One exported value, in the order of EXPORT_HEADER. */
export type ExportRow = [
  indicator: string,
  unit: string,
  period: string,
  value: number | boolean,
  status: string,
  source: string,
  comment: string,
  evidenceUrl: string,
  version: number,
  updatedAt: string,
];

/** What the export needs of a presented value. */
interface Presented {
  indicator: string;
  unit: string;
  period: string;
  value: number | boolean;
  status: string;
  source: string | null;
  comment: string | null;
  evidenceUrl: string | null;
  version: number;
  updatedAt: string;
}

/** The values matching `where`, 5,000 at a time in id order, presented as export rows. */
export async function* exportPages(
  db: Executor,
  where: SQL | undefined,
  present: (rows: ObservationRow[]) => Promise<Presented[]>,
): AsyncGenerator<ExportRow[]> {
  let after: string | undefined;
  for (;;) {
    const rows = await db
      .select({ o: observations })
      .from(observations)
      .innerJoin(indicators, eq(indicators.id, observations.indicatorId))
      .where(and(where, after ? sql`${observations.id}::text > ${after}` : undefined))
      .orderBy(asc(sql`${observations.id}::text`))
      .limit(5000);
    if (rows.length === 0) return;
    const presented = await present(rows.map((r) => r.o));
    yield presented.map((o) => [
      o.indicator,
      o.unit,
      o.period,
      o.value,
      o.status,
      o.source ?? "",
      o.comment ?? "",
      o.evidenceUrl ?? "",
      o.version,
      o.updatedAt,
    ]);
    after = rows[rows.length - 1]?.o.id;
  }
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A CSV cell: text protected and quoted when needed; numbers as they are. */
export function csvCell(v: string | number | boolean): string {
  // 1.234 would read two ways on re-import: write 1.2340, which reads one way.
  if (typeof v === "number") return /^-?\d{1,3}\.\d{3}$/.test(String(v)) ? `${v}0` : String(v);
  if (typeof v === "boolean") return String(v);
  const t = csvSafeText(v);
  return /[;"\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/** The CSV export (UTF-8 with a byte-order mark, `;`-separated, as Vietnamese Excel expects). */
export function csvExport(pages: AsyncIterable<ExportRow[]>): Readable {
  return Readable.from(
    (async function* () {
      yield `\ufeff${EXPORT_HEADER.join(";")}\n`;
      for await (const chunk of pages) yield `${chunk.map((r) => r.map(csvCell).join(";")).join("\n")}\n`;
    })(),
  );
}

/** An Excel cell: text as an inline string cell (never a formula, never a shared-strings table in memory). */
function xlsxCell(v: string | number | boolean): ExcelJS.CellValue {
  return typeof v === "string" ? { richText: [{ text: encodeOoxmlText(xlsxSafeText(v)) }] } : v;
}

/** The Excel export, written by exceljs's streaming writer as pages arrive. */
export function xlsxExport(pages: AsyncIterable<ExportRow[]>): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
  const ws = wb.addWorksheet("Số liệu");
  ws.addRow(EXPORT_HEADER.map(xlsxCell)).commit();
  void (async () => {
    for await (const chunk of pages) for (const r of chunk) ws.addRow(r.map(xlsxCell)).commit();
    ws.commit();
    await wb.commit();
  })().catch((e: unknown) => out.destroy(e as Error));
  return out;
}
