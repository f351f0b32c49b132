/**
 * Excel: a template per unit, period and indicator set (Vietnamese headers, indicator names and
 * units, a drop-down of yes/no for milestones, cells locked except the values to fill in), and
 * reading a filled template (or any sheet with the CSV headers) back into values.
 */
import ExcelJS from "exceljs";
import { parseLocalizedNumber, parseYesNo } from "../../domain/numbers.js";
import { rowError, type SourceRow } from "./import.js";

export interface TemplateRow {
  indicator: string;
  name: string;
  unit: string | null;
  milestone: boolean;
  current?: number | boolean | null;
}

const HEADERS = [
  "Mã chỉ tiêu",
  "Tên chỉ tiêu",
  "Đơn vị tính",
  "Mã đơn vị",
  "Kỳ",
  "Giá trị",
  "Nguồn số liệu",
  "Ghi chú",
];
const COLUMN_FIELDS = [
  "indicator",
  "name",
  "measure",
  "unit",
  "period",
  "value",
  "source",
  "comment",
] as const;

export async function buildTemplate(opts: {
  unit: string;
  unitName: string;
  period: string;
  rows: TemplateRow[];
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Chỉ Nam";
  wb.created = new Date();
  const ws = wb.addWorksheet("Số liệu", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = [
    { width: 26 },
    { width: 60 },
    { width: 16 },
    { width: 14 },
    { width: 10 },
    { width: 16 },
    { width: 28 },
    { width: 36 },
  ];
  const header = ws.addRow(HEADERS);
  header.font = { bold: true, color: { argb: "FFFFFFFF" } };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFB3261E" } };
  for (const r of opts.rows) {
    const row = ws.addRow([
      r.indicator,
      r.name,
      r.unit ?? "",
      opts.unit,
      opts.period,
      r.current ?? null,
      "",
      "",
    ]);
    const value = row.getCell(6);
    value.protection = { locked: false };
    row.getCell(7).protection = { locked: false };
    row.getCell(8).protection = { locked: false };
    value.dataValidation = r.milestone
      ? {
          type: "list",
          allowBlank: true,
          formulae: ['"Có,Không"'],
          showErrorMessage: true,
          errorTitle: "Giá trị",
          error: "Chọn Có hoặc Không",
        }
      : {
          type: "decimal",
          operator: "greaterThan",
          formulae: [-1e15],
          allowBlank: true,
          showErrorMessage: true,
          errorTitle: "Giá trị",
          error: "Nhập một số",
        };
  }
  await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
  const about = wb.addWorksheet("Hướng dẫn");
  about.addRows([
    ["Chỉ Nam — mẫu nhập số liệu"],
    [`Đơn vị: ${opts.unitName} (${opts.unit})`],
    [`Kỳ báo cáo: ${opts.period}`],
    ["Điền cột “Giá trị” (và nếu có, “Nguồn số liệu”, “Ghi chú”); không sửa các cột khác."],
    ["Số viết kiểu Việt Nam (1.234.567 hoặc 12,5) hoặc nhập trực tiếp dạng số. Chỉ tiêu mốc: chọn Có/Không."],
    ["Dòng để trống giá trị sẽ được bỏ qua."],
  ]);
  about.getColumn(1).width = 100;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const aliases: Record<string, (typeof COLUMN_FIELDS)[number]> = {
  "mã chỉ tiêu": "indicator",
  indicator: "indicator",
  "mã đơn vị": "unit",
  unit: "unit",
  kỳ: "period",
  "kỳ báo cáo": "period",
  period: "period",
  "giá trị": "value",
  value: "value",
  "nguồn số liệu": "source",
  nguồn: "source",
  source: "source",
  "ghi chú": "comment",
  comment: "comment",
};

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "richText" in v) return v.richText.map((t) => t.text).join("");
  if (typeof v === "object" && "result" in v) return cellText(v.result as ExcelJS.CellValue);
  if (typeof v === "object" && "text" in v) return String(v.text);
  return String(v);
}

export async function readXlsx(
  data: Buffer,
  milestoneCodes: (code: string) => boolean,
): Promise<SourceRow[]> {
  const wb = new ExcelJS.Workbook();
  const out: SourceRow[] = [];
  const err = (row: number, column: string, vi: string, en: string, value?: unknown) => {
    const e = rowError(row, column, vi, en, value);
    const last = out[out.length - 1];
    if (last?.row === row && last.errors) last.errors.push(e);
    else out.push({ row, errors: [e] });
  };
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    err(1, "", "tệp không phải là tệp Excel (.xlsx) hợp lệ", "not a valid .xlsx file");
    return out;
  }
  const ws = wb.worksheets[0];
  if (!ws) {
    err(1, "", "tệp không có trang tính", "the workbook has no sheet");
    return out;
  }
  const columns = new Map<(typeof COLUMN_FIELDS)[number], number>();
  ws.getRow(1).eachCell((cell, col) => {
    const field = aliases[cellText(cell.value).trim().toLowerCase().normalize("NFC")];
    if (field) columns.set(field, col);
  });
  for (const required of ["indicator", "unit", "period", "value"] as const)
    if (!columns.has(required)) err(1, required, `thiếu cột “${required}”`, `missing column “${required}”`);
  if (out.length > 0) return out;
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const get = (f: (typeof COLUMN_FIELDS)[number]) => {
      const c = columns.get(f);
      return c ? row.getCell(c).value : null;
    };
    const indicator = cellText(get("indicator")).trim();
    const raw = get("value");
    if (raw === null || raw === undefined || cellText(raw).trim() === "") return; // left blank: skipped
    let value: number | boolean | undefined;
    if (milestoneCodes(indicator)) {
      const b = parseYesNo(typeof raw === "boolean" || typeof raw === "number" ? raw : cellText(raw));
      if (b.ok) value = b.value;
      else err(n, "value", b.vi, b.en, cellText(raw));
    } else if (typeof raw === "number") value = raw;
    else {
      const p = parseLocalizedNumber(cellText(raw));
      if (p.ok) value = p.value;
      else err(n, "value", p.vi, p.en, cellText(raw));
    }
    if (value === undefined) return;
    const text = (f: "source" | "comment") => cellText(get(f)).trim() || null;
    out.push({
      row: n,
      input: {
        indicator,
        unit: cellText(get("unit")).trim(),
        period: cellText(get("period")).trim(),
        value,
        source: text("source"),
        comment: text("comment"),
      },
    });
  });
  return out;
}
