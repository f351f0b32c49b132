/**
 * What a chosen file is, before it is sent: the import takes an Excel workbook (.xlsx) or a CSV
 * file, and anything else is named for what it is (a PDF, a Word document, an old .xls, an
 * image…) at once, instead of after an upload. The name says what the file claims to be; its
 * first bytes must agree (an .xlsx is a ZIP archive; a CSV is text). The server checks again
 * and names finer cases (a .docx renamed .xlsx is a ZIP too: the server opens it and says so).
 */
export type UploadKind = "xlsx" | "csv";

/** What a refused file is; each has its words in import.json (kinds.*). */
export type WrongKind =
  | "empty"
  | "pdf"
  | "word"
  | "powerpoint"
  | "xls"
  | "ods"
  | "image"
  | "archive"
  | "text"
  | "zip"
  | "binary"
  | "unknown";

export type FileCheck = { ok: true; kind: UploadKind } | { ok: false; wrong: WrongKind };

/** The input's accept attribute: the two kinds, by extension and by type. */
export const ACCEPT = [
  ".xlsx",
  ".csv",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "text/csv",
].join(",");

/** How many first bytes `checkFile` looks at. */
export const HEAD_BYTES = 8;

const BY_EXTENSION: Record<string, UploadKind | WrongKind> = {
  xlsx: "xlsx",
  csv: "csv",
  pdf: "pdf",
  doc: "word",
  docx: "word",
  odt: "word",
  rtf: "word",
  ppt: "powerpoint",
  pptx: "powerpoint",
  xls: "xls",
  xlsm: "xls",
  xlsb: "xls",
  ods: "ods",
  png: "image",
  jpg: "image",
  jpeg: "image",
  gif: "image",
  webp: "image",
  heic: "image",
  bmp: "image",
  tif: "image",
  tiff: "image",
  svg: "image",
  zip: "archive",
  rar: "archive",
  "7z": "archive",
  gz: "archive",
  tar: "archive",
  txt: "text",
  json: "text",
  xml: "text",
  html: "text",
  htm: "text",
};

/** The kind a file's name claims (by its extension), if it names one this module knows. */
export function kindByName(name: string): UploadKind | WrongKind | undefined {
  const dot = name.lastIndexOf(".");
  if (dot < 0) return undefined;
  return BY_EXTENSION[name.slice(dot + 1).toLowerCase()];
}

/** The kind a browser's type (MIME) says, when the name says nothing. */
function kindByType(type: string): UploadKind | WrongKind | undefined {
  const t = type.toLowerCase();
  if (t === "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") return "xlsx";
  if (t === "text/csv" || t === "application/csv") return "csv";
  if (t === "application/pdf") return "pdf";
  if (t.startsWith("image/")) return "image";
  if (t.includes("wordprocessingml") || t === "application/msword") return "word";
  if (t === "application/vnd.ms-excel") return "xls";
  return undefined;
}

const starts = (head: Uint8Array, bytes: number[]) => bytes.every((b, i) => head[i] === b);

/** What the first bytes are (the same signatures the server reads). */
export function kindByHead(head: Uint8Array): "zip" | "pdf" | "ole" | "image" | "gzip" | "binary" | "text" {
  if (starts(head, [0x50, 0x4b, 0x03, 0x04]) || starts(head, [0x50, 0x4b, 0x05, 0x06])) return "zip";
  if (starts(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf";
  if (starts(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "ole";
  if (starts(head, [0x1f, 0x8b])) return "gzip";
  if (
    starts(head, [0x89, 0x50, 0x4e, 0x47]) ||
    starts(head, [0xff, 0xd8, 0xff]) ||
    starts(head, [0x47, 0x49, 0x46])
  )
    return "image";
  // UTF-16 text starts with its byte-order mark; other NULs mean a binary file.
  if (starts(head, [0xff, 0xfe]) || starts(head, [0xfe, 0xff])) return "text";
  if (head.includes(0)) return "binary";
  return "text";
}

/** A head that does not fit the claimed kind, named by what it is. */
function headMismatch(kind: UploadKind, head: Uint8Array): WrongKind | undefined {
  const h = kindByHead(head);
  if (kind === "xlsx") {
    if (h === "zip") return undefined;
    if (h === "pdf" || h === "image" || h === "binary" || h === "text") return h;
    return h === "ole" ? "xls" : "archive";
  }
  if (h === "text") return undefined;
  if (h === "zip") return "zip";
  if (h === "ole") return "xls";
  return h === "gzip" ? "archive" : h;
}

/**
 * Whether the file can be sent, and as what: by its name (or its type when the name has no known
 * extension), then by its first bytes. `size` 0 is an empty file.
 */
export function checkFile(file: { name: string; type: string; size: number }, head: Uint8Array): FileCheck {
  if (file.size === 0) return { ok: false, wrong: "empty" };
  const claimed = kindByName(file.name) ?? kindByType(file.type) ?? "unknown";
  if (claimed !== "xlsx" && claimed !== "csv") return { ok: false, wrong: claimed };
  const mismatch = headMismatch(claimed, head);
  return mismatch ? { ok: false, wrong: mismatch } : { ok: true, kind: claimed };
}
