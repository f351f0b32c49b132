/**
 * Whether a chosen file can be a plan-definition file (YAML or JSON text) before it is read or
 * sent, and what it is when it cannot: a spreadsheet, a Word document, a PDF, an image, an
 * archive, a binary, or text that is not UTF-8 — each named plainly. The name says what the file
 * claims to be; its first bytes must agree. Too large a file is refused with the server's limit.
 */
export type PlanFileFormat = "yaml" | "json";

export type WrongPlanFile =
  | "empty"
  | "tooLarge"
  | "spreadsheet"
  | "word"
  | "presentation"
  | "pdf"
  | "image"
  | "archive"
  | "binary"
  | "encoding";

export type PlanFileCheck = { ok: true; format: PlanFileFormat } | { ok: false; wrong: WrongPlanFile };

/** The file input's accept attribute. */
export const ACCEPT = [
  ".yaml",
  ".yml",
  ".json",
  ".txt",
  "application/yaml",
  "application/json",
  "text/yaml",
].join(",");

/** How many first bytes are looked at: enough to find a NUL in a binary file. */
export const HEAD_BYTES = 4096;

const BY_EXTENSION: Record<string, PlanFileFormat | WrongPlanFile> = {
  yaml: "yaml",
  yml: "yaml",
  json: "json",
  txt: "yaml",
  xlsx: "spreadsheet",
  xlsm: "spreadsheet",
  xls: "spreadsheet",
  ods: "spreadsheet",
  csv: "spreadsheet",
  doc: "word",
  docx: "word",
  odt: "word",
  rtf: "word",
  ppt: "presentation",
  pptx: "presentation",
  odp: "presentation",
  pdf: "pdf",
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
  tgz: "archive",
  tar: "archive",
};

/** What a file's name claims (its extension), if this module knows it. */
export function claimByName(name: string): PlanFileFormat | WrongPlanFile | undefined {
  const dot = name.lastIndexOf(".");
  if (dot < 0) return undefined;
  return BY_EXTENSION[name.slice(dot + 1).toLowerCase()];
}

const starts = (head: Uint8Array, bytes: number[]) => bytes.every((b, i) => head[i] === b);

/** What the first bytes are; "text" when nothing says otherwise. */
export function headKind(head: Uint8Array): WrongPlanFile | "text" {
  if (starts(head, [0x50, 0x4b, 0x03, 0x04]) || starts(head, [0x50, 0x4b, 0x05, 0x06])) return "archive";
  if (starts(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf";
  // An old Office file (.xls, .doc): a binary compound document.
  if (starts(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "binary";
  if (starts(head, [0x1f, 0x8b])) return "archive";
  if (
    starts(head, [0x89, 0x50, 0x4e, 0x47]) ||
    starts(head, [0xff, 0xd8, 0xff]) ||
    starts(head, [0x47, 0x49, 0x46, 0x38])
  )
    return "image";
  // UTF-16 text starts with its byte-order mark: text, but not the UTF-8 the server reads.
  if (starts(head, [0xff, 0xfe]) || starts(head, [0xfe, 0xff])) return "encoding";
  if (head.includes(0)) return "binary";
  return "text";
}

/**
 * Whether the file can be read as a plan file, and as which format: by size, by its name (an
 * unknown extension is judged by its bytes), then by its first bytes. A .docx renamed .yaml is a
 * ZIP inside: named an archive, not sent.
 */
export function checkPlanFile(
  file: { name: string; size: number },
  head: Uint8Array,
  maxBytes: number,
): PlanFileCheck {
  if (file.size === 0) return { ok: false, wrong: "empty" };
  if (file.size > maxBytes) return { ok: false, wrong: "tooLarge" };
  const claim = claimByName(file.name);
  if (claim !== undefined && claim !== "yaml" && claim !== "json") return { ok: false, wrong: claim };
  const kind = headKind(head);
  if (kind !== "text") return { ok: false, wrong: kind };
  return { ok: true, format: claim ?? "yaml" };
}

/** The file's text, or undefined when it is not UTF-8 (the server would read it wrongly). */
export function decodeText(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return text.startsWith("\uFEFF") ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

/** The size in bytes of pasted text as the server counts it (UTF-8). */
export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}
