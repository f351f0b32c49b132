/**
 * What an uploaded file is, from its first bytes: so a PDF, an old .xls or an .xlsx sent as CSV
 * is named for what it is (422 WRONG_FILE_KIND) instead of being read as noise.
 */
import { AppError } from "../../../core/errors.js";

export interface FileKind {
  kind: "zip" | "pdf" | "ole" | "gzip" | "image" | "xml" | "utf16" | "binary" | "text";
  vi: string;
  en: string;
}

const starts = (head: Buffer, bytes: number[]) => bytes.every((b, i) => head[i] === b);

export function sniffFileKind(head: Buffer): FileKind {
  if (starts(head, [0x50, 0x4b, 0x03, 0x04]) || starts(head, [0x50, 0x4b, 0x05, 0x06]))
    return {
      kind: "zip",
      vi: "một bảng tính Excel (.xlsx) hoặc tệp nén ZIP khác",
      en: "an Excel workbook (.xlsx) or another ZIP archive",
    };
  if (head.subarray(0, 5).toString("latin1") === "%PDF-")
    return { kind: "pdf", vi: "một tài liệu PDF", en: "a PDF document" };
  if (starts(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return {
      kind: "ole",
      vi: "một tệp Excel 97–2003 (.xls), tệp có mật khẩu hoặc tài liệu Office cũ",
      en: "an Excel 97–2003 (.xls) workbook, a password-protected workbook or another legacy Office file",
    };
  if (starts(head, [0x1f, 0x8b])) return { kind: "gzip", vi: "một tệp nén gzip", en: "a gzip archive" };
  if (starts(head, [0x89, 0x50, 0x4e, 0x47]) || starts(head, [0xff, 0xd8, 0xff]))
    return { kind: "image", vi: "một tệp ảnh", en: "an image" };
  if (starts(head, [0xff, 0xfe]) || starts(head, [0xfe, 0xff]))
    return { kind: "utf16", vi: "một tệp văn bản UTF-16", en: "a UTF-16 text file" };
  const text = head
    .toString("latin1")
    .replace(/^\ufeff|^ï»¿/, "")
    .trimStart();
  if (/^<(\?xml|html|!doctype)/i.test(text))
    return { kind: "xml", vi: "một tệp XML hoặc HTML", en: "an XML or HTML file" };
  if (head.includes(0))
    return { kind: "binary", vi: "một tệp nhị phân không rõ loại", en: "an unrecognised binary file" };
  return { kind: "text", vi: "một tệp văn bản", en: "a text file" };
}

export const EXPECTED_XLSX = {
  expectedVi: "một tệp Excel (.xlsx) hợp lệ",
  expectedEn: "a valid .xlsx file (Excel workbook)",
};
export const EXPECTED_CSV = { expectedVi: "một tệp CSV", expectedEn: "a CSV file" };

export function wrongKind(kind: { vi: string; en: string }, expected: typeof EXPECTED_XLSX): AppError {
  return new AppError("WRONG_FILE_KIND", { kindVi: kind.vi, kindEn: kind.en, ...expected });
}
