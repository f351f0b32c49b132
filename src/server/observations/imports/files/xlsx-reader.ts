/**
 * Reading an uploaded .xlsx as a stream: the workbook's first sheet is parsed (SAX) as it
 * inflates and its rows are yielded one by one to the import, which checks them in batches. Only
 * the shared strings (stored compactly) and the date styles are held in memory, both capped.
 * Caps — inflated bytes, rows, shared strings — are refused the moment they are crossed (413).
 * Headers in Vietnamese or English, numbers as numbers or Vietnamese/English text, yes/no for
 * milestones; error cells (#DIV/0!) and dates where a number belongs are named as such.
 */
import path from "node:path/posix";
import { parseLocalizedNumber, parseYesNo } from "../../../../domain/numbers.js";
import { AppError } from "../../../core/errors.js";
import { decodeOoxmlText, unprotectText } from "../../../core/export/spreadsheet-text.js";
import {
  evidenceUrlErrors,
  fieldFor,
  type ImportField,
  missingColumn,
  REQUIRED_FIELDS,
} from "./import-columns.js";
import { type RowError, rowError, type SourceRow } from "./source-row.js";
import { SharedStrings } from "./xlsx-shared-strings.js";
import { dateStyles, excelDate } from "./xlsx-styles.js";
import { notXlsx, openXlsxArchive, type XlsxArchive } from "./xlsx-zip.js";
import { readXml, streamXml } from "./xml-stream.js";

export interface XlsxLimits {
  maxInflatedBytes: number;
  maxRows: number;
  maxSharedStrings: number;
}

/** Excel's own limit for a cell; longer text is not kept (and the row is refused). */
export const MAX_CELL_CHARS = 32_767;

type Cell =
  | { kind: "text"; text: string }
  | { kind: "number"; value: number }
  | { kind: "date"; iso: string; monthStart: boolean }
  | { kind: "bool"; value: boolean }
  | { kind: "error"; code: string };

const malformed = () => notXlsx("a workbook whose XML is damaged", "một bảng tính có XML bị hỏng");

/** Column index (0-based) of a cell reference such as `AB12`. */
function columnOf(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

async function relationships(
  zip: XlsxArchive,
  part: string,
): Promise<Map<string, { type: string; target: string }>> {
  const dir = path.dirname(part);
  const rels = path.join(dir, "_rels", `${path.basename(part)}.rels`);
  const out = new Map<string, { type: string; target: string }>();
  await readXml(
    zip.read(rels),
    {
      open(name, a) {
        if (name !== "Relationship" || !a.Id || !a.Target) return;
        const target = a.Target.startsWith("/") ? a.Target.slice(1) : path.join(dir, a.Target);
        out.set(a.Id, { type: a.Type ?? "", target });
      },
    },
    malformed,
  );
  return out;
}

/** The workbook part, its first sheet, shared strings and styles, and its date system. */
async function locateParts(zip: XlsxArchive) {
  let workbook = "xl/workbook.xml";
  // (An archive without the package's relationships is no Office file: named below by what it holds.)
  const top = zip.has("_rels/.rels")
    ? await relationships(zip, "")
    : new Map<string, { type: string; target: string }>();
  for (const [, r] of top) if (r.type.endsWith("/officeDocument")) workbook = r.target;
  // A Word document or a presentation names its own main part: it is named as such, not read as a
  // workbook whose XML is damaged.
  if (!zip.has(workbook) || /^(word|ppt)\//.test(workbook)) {
    const names = zip.names();
    if (names.some((n) => n.startsWith("word/")))
      throw notXlsx("a Word document (.docx)", "một tài liệu Word (.docx)");
    if (names.some((n) => n.startsWith("ppt/")))
      throw notXlsx("a PowerPoint presentation (.pptx)", "một bản trình chiếu PowerPoint (.pptx)");
    throw notXlsx("a ZIP archive without a workbook", "một tệp nén ZIP không chứa bảng tính");
  }
  let firstSheetId: string | undefined;
  let date1904 = false;
  await readXml(
    zip.read(workbook),
    {
      open(name, a) {
        if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
        if (name === "sheet" && firstSheetId === undefined)
          firstSheetId = a["r:id"] ?? Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1];
      },
    },
    malformed,
  );
  const rels = await relationships(zip, workbook);
  const byType = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.target;
  const sheet = (firstSheetId && rels.get(firstSheetId)?.target) ?? "xl/worksheets/sheet1.xml";
  if (!zip.has(sheet))
    throw new AppError("WRONG_FILE_KIND", {
      kindVi: "một bảng tính không có trang tính",
      kindEn: "a workbook without a sheet",
      expectedVi: "một tệp Excel (.xlsx) có số liệu",
      expectedEn: "a workbook with a sheet of values",
    });
  return { sheet, sharedStrings: byType("/sharedStrings"), styles: byType("/styles"), date1904 };
}

/** The text of a cell, as the text columns (codes, period, source, comment) take it. */
function cellText(c: Cell | undefined, periodColumn = false): string {
  if (!c) return "";
  switch (c.kind) {
    case "text":
      return c.text;
    case "number":
      return String(c.value);
    case "bool":
      return String(c.value);
    case "error":
      return c.code;
    case "date":
      // A month typed as 2026-10 is turned by Excel into the date 1 October 2026.
      return periodColumn && c.monthStart ? c.iso.slice(0, 7) : c.iso;
  }
}

/** The rows of the workbook's first sheet: each row's value, or the problems reading it. */
export async function* readXlsx(
  file: string,
  milestoneCodes: (code: string) => boolean,
  limits: XlsxLimits,
): AsyncGenerator<SourceRow> {
  const inflatedLabel = `${Math.round(limits.maxInflatedBytes / 1024 / 1024)} MB`;
  const zip = await openXlsxArchive(file, limits.maxInflatedBytes, inflatedLabel);
  try {
    const parts = await locateParts(zip);
    const read = [parts.sheet, parts.sharedStrings ?? "", parts.styles ?? ""];
    zip.checkDeclared(read);
    await zip.measure(read);
    const dates = parts.styles ? await dateStyles(zip.read(parts.styles), malformed) : new Set<number>();
    const strings = new SharedStrings(limits.maxSharedStrings, MAX_CELL_CHARS + 1);
    if (parts.sharedStrings) await strings.load(zip.read(parts.sharedStrings), malformed);
    yield* sheetRows(zip.read(parts.sheet), {
      milestoneCodes,
      limits,
      dates,
      strings,
      date1904: parts.date1904,
    });
  } finally {
    zip.close();
  }
}

interface SheetContext {
  milestoneCodes: (code: string) => boolean;
  limits: XlsxLimits;
  dates: Set<number>;
  strings: SharedStrings;
  date1904: boolean;
}

async function* sheetRows(chunks: AsyncIterable<Buffer>, ctx: SheetContext): AsyncGenerator<SourceRow> {
  let columns: Map<ImportField, number> | undefined;
  let keep: Set<number> | undefined;
  const out: SourceRow[] = [];
  // The row being read: its number and its cells by column.
  let rowNo = 0;
  let cells: (Cell | undefined)[] = [];
  let nextColumn = 0;
  // The cell being read.
  let cell: { column: number; type: string; style: number } | undefined;
  let text = "";
  let collecting = false;
  let phonetic = false;
  let tooLong = false;
  let tooLongCells: number[] = [];
  const append = (t: string) => {
    if (!collecting || phonetic) return;
    if (text.length + t.length > MAX_CELL_CHARS) {
      tooLong = true;
      return;
    }
    text += t;
  };
  const finishCell = () => {
    if (!cell) return;
    const { column, type, style } = cell;
    cell = undefined;
    if (tooLong) {
      tooLongCells.push(column);
      tooLong = false;
      return;
    }
    // Once the header is known, only the columns it names are kept.
    if (keep && !keep.has(column)) return;
    let c: Cell | undefined;
    if (type === "s") {
      const s = /^\d+$/.test(text) ? ctx.strings.get(Number(text)) : undefined;
      if (s !== undefined && s.length > MAX_CELL_CHARS) tooLongCells.push(column);
      else if (s !== undefined) c = { kind: "text", text: decodeOoxmlText(s) };
    } else if (type === "inlineStr" || type === "str")
      c = text === "" ? undefined : { kind: "text", text: decodeOoxmlText(text) };
    else if (type === "b") c = { kind: "bool", value: text.trim() === "1" || text.trim() === "true" };
    else if (type === "e") c = { kind: "error", code: text.trim() };
    else if (type === "d") {
      const iso = text.trim();
      c = {
        kind: "date",
        iso: iso.endsWith("T00:00:00") ? iso.slice(0, 10) : iso,
        monthStart: /^\d{4}-\d{2}-01(T00:00:00(\.0+)?Z?)?$/.test(iso),
      };
    } else if (text.trim() !== "") {
      const n = Number(text);
      if (!Number.isFinite(n)) c = { kind: "text", text };
      else if (ctx.dates.has(style)) c = excelDate(n, ctx.date1904);
      else c = { kind: "number", value: n };
    }
    cells[column] = c;
  };
  let headerRefused = false;
  const finishRow = () => {
    if (headerRefused) return;
    const row = rowNo;
    const got = cells;
    const long = tooLongCells;
    cells = [];
    tooLongCells = [];
    if (!columns) {
      if (got.every((c) => cellText(c).trim() === "")) return;
      columns = new Map();
      for (let i = 0; i < got.length; i++) {
        const field = fieldFor(cellText(got[i]));
        if (field && !columns.has(field)) columns.set(field, i);
      }
      keep = new Set(columns.values());
      const missing = REQUIRED_FIELDS.filter((f) => !columns?.has(f));
      if (missing.length > 0) {
        headerRefused = true;
        out.push({ row, errors: missing.map(missingColumn) });
      }
      return;
    }
    const source = dataRow(row, got, long, columns, ctx);
    if (source) out.push(source);
  };
  const rows = streamXml<SourceRow>(
    chunks,
    {
      open(name, a) {
        if (name === "row") {
          const r = a.r ? Number(a.r) : rowNo + 1;
          rowNo = Number.isInteger(r) && r > rowNo ? r : rowNo + 1;
          if (rowNo > ctx.limits.maxRows)
            throw new AppError("SPREADSHEET_TOO_MANY_ROWS", {
              limit: ctx.limits.maxRows,
              setting: "XLSX_MAX_ROWS",
            });
          nextColumn = 0;
        } else if (name === "c") {
          const column = a.r ? columnOf(a.r) : nextColumn;
          nextColumn = column + 1;
          cell = { column, type: a.t ?? "n", style: a.s ? Number(a.s) : 0 };
          text = "";
          tooLong = false;
        } else if (cell && (name === "v" || (name === "t" && !phonetic))) collecting = true;
        else if (name === "rPh") phonetic = true;
      },
      close(name) {
        if (name === "v" || name === "t") collecting = false;
        else if (name === "rPh") phonetic = false;
        else if (name === "c") finishCell();
        else if (name === "row") finishRow();
      },
      text: append,
    },
    () => out.splice(0),
    malformed,
  );
  for await (const r of rows) {
    yield r;
    // A header without the required columns: nothing else can be read.
    if (headerRefused) return;
  }
  if (!columns) yield { row: 1, errors: [rowError(1, "", "trang tính trống", "the sheet is empty")] };
}

/** One data row as the import's source row (or nothing, for a row whose value is left blank). */
function dataRow(
  row: number,
  cells: (Cell | undefined)[],
  tooLong: number[],
  columns: Map<ImportField, number>,
  ctx: SheetContext,
): SourceRow | undefined {
  const at = (f: ImportField) => {
    const i = columns.get(f);
    return i === undefined ? undefined : cells[i];
  };
  const text = (f: ImportField) => unprotectText(cellText(at(f), f === "period").trim());
  const raw = at("value");
  const errors: RowError[] = [];
  for (const [field, i] of columns)
    if (tooLong.includes(i))
      errors.push(
        rowError(
          row,
          field,
          `ô dài quá ${MAX_CELL_CHARS} ký tự`,
          `the cell is longer than ${MAX_CELL_CHARS} characters`,
        ),
      );
  if (errors.length === 0 && (raw === undefined || (raw.kind === "text" && raw.text.trim() === "")))
    return undefined; // left blank: skipped
  const indicator = text("indicator");
  let value: number | boolean | undefined;
  if (!raw) {
    // (only a too-long value cell gets here; its error is already named)
  } else if (raw.kind === "error")
    errors.push(
      rowError(
        row,
        "value",
        `ô lỗi ${raw.code} (công thức tính ra lỗi), không phải một giá trị`,
        `an error cell (${raw.code}): the formula's result is an error, not a value`,
        raw.code,
      ),
    );
  else if (raw.kind === "date")
    errors.push(
      rowError(
        row,
        "value",
        `ô ngày tháng (${raw.iso}), không phải một số`,
        `a date (${raw.iso}), not a number`,
        raw.iso,
      ),
    );
  else if (ctx.milestoneCodes(indicator)) {
    const b = parseYesNo(
      raw.kind === "bool" || raw.kind === "number" ? raw.value : unprotectText(cellText(raw)),
    );
    if (b.ok) value = b.value;
    else errors.push(rowError(row, "value", b.vi, b.en, cellText(raw)));
  } else if (raw.kind === "number") value = raw.value;
  else {
    const p = parseLocalizedNumber(unprotectText(cellText(raw).trim()));
    if (p.ok) value = p.value;
    else errors.push(rowError(row, "value", p.vi, p.en, cellText(raw)));
  }
  for (const f of [
    "indicator",
    "unit",
    "period",
    "source",
    "comment",
    "evidenceUrl",
    "reporterUnit",
  ] as const) {
    const c = at(f);
    if (c?.kind === "error")
      errors.push(
        rowError(row, f, `ô lỗi ${c.code} (công thức tính ra lỗi)`, `an error cell (${c.code})`, c.code),
      );
  }
  const evidenceUrl = text("evidenceUrl") || null;
  errors.push(...evidenceUrlErrors(row, evidenceUrl));
  if (value === undefined || errors.length > 0) return { row, errors };
  return {
    row,
    input: {
      indicator,
      unit: text("unit"),
      period: text("period"),
      value,
      reporterUnit: text("reporterUnit") || undefined,
      source: text("source") || null,
      comment: text("comment") || null,
      evidenceUrl,
    },
  };
}
