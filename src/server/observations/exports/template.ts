/**
 * Excel: a template per unit, period and indicator set (Vietnamese headers, indicator names and
 * units, a drop-down of yes/no for milestones, cells locked except the values to fill in). A
 * filled template is read back by xlsx-reader.ts. Text goes in as string cells (never formulas).
 */
import ExcelJS from "exceljs";

export interface TemplateRow {
  indicator: string;
  name: string;
  unit: string | null;
  milestone: boolean;
  current?: number | boolean | null;
  /** The current value's source and comment: a template sent back untouched then changes nothing. */
  source?: string | null;
  comment?: string | null;
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
      r.source ?? "",
      r.comment ?? "",
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
