/**
 * Which cell styles of an .xlsx show dates: a date is stored as a serial day number, told apart
 * from a number only by its style's number format (built-in ids, or a custom code with d, m, y,
 * h or s outside quotes and brackets).
 */
import type { AppError } from "../../../core/errors.js";
import { readXml } from "./xml-stream.js";

/** Excel's cell formats are capped at 64,000; a crafted file's extra styles are ignored. */
const MAX_STYLES = 65_536;

const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, "");
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** The indices (`s` attribute of a cell) of the cell formats that show a date or time. */
export async function dateStyles(
  chunks: AsyncIterable<Buffer>,
  malformed: () => AppError,
): Promise<Set<number>> {
  const custom = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  await readXml(
    chunks,
    {
      open(name, a) {
        if (name === "numFmt" && a.numFmtId && a.formatCode !== undefined)
          custom.set(Number(a.numFmtId), a.formatCode);
        else if (name === "cellXfs") inCellXfs = true;
        else if (name === "xf" && inCellXfs && formats.length < MAX_STYLES)
          formats.push(Number(a.numFmtId ?? 0));
      },
      close(name) {
        if (name === "cellXfs") inCellXfs = false;
      },
    },
    malformed,
  );
  const out = new Set<number>();
  formats.forEach((id, i) => {
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : BUILT_IN_DATES.has(id)) out.add(i);
  });
  return out;
}

/** A serial date as a calendar date (and time, if any), in the workbook's date system. */
export function excelDate(
  serial: number,
  date1904: boolean,
): { kind: "date"; iso: string; monthStart: boolean } {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const ms = Math.round((epoch + serial * 86_400_000) / 1000) * 1000;
  const iso = new Date(ms).toISOString();
  const dateOnly = iso.endsWith("T00:00:00.000Z");
  return {
    kind: "date",
    iso: dateOnly ? iso.slice(0, 10) : iso.slice(0, 19),
    monthStart: dateOnly && iso.slice(8, 10) === "01",
  };
}
