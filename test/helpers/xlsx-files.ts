/**
 * Building .xlsx files byte by byte for tests and benchmarks: a minimal workbook around a sheet
 * whose XML is given (so odd cells — error cells, inline and rich strings, dates, booleans — are
 * exact), and a ZIP writer that streams entries and may declare sizes that lie (zip bombs).
 * Nothing here imports the application: the files are what a client would send.
 */
import { constants, crc32, createDeflateRaw } from "node:zlib";

export interface ZipEntry {
  name: string;
  /** The entry's content, as it is produced (a sheet of a million rows is never held whole). */
  data: () => AsyncIterable<Buffer | string> | Iterable<Buffer | string>;
  /** An uncompressed size to declare instead of the true one (a lying zip bomb). */
  declaredSize?: number;
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}
function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

/** The bytes of a ZIP archive (deflated entries, sizes in data descriptors), as they are written. */
export async function* zipStream(
  entries: ZipEntry[],
  level: number = constants.Z_BEST_SPEED,
): AsyncGenerator<Buffer> {
  let offset = 0;
  const central: Buffer[] = [];
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    // Bit 3: sizes and CRC follow the data; bit 11: UTF-8 names.
    const flags = 0x0808;
    const local = Buffer.concat([
      u32(0x04034b50),
      u16(20),
      u16(flags),
      u16(8),
      u16(0),
      u16(0x21),
      u32(0),
      u32(0),
      u32(0),
      u16(name.length),
      u16(0),
      name,
    ]);
    const localOffset = offset;
    yield local;
    offset += local.length;
    let crc = 0;
    let size = 0;
    let compressed = 0;
    const deflate = createDeflateRaw({ level });
    const out: Buffer[] = [];
    deflate.on("data", (c: Buffer) => out.push(c));
    const write = (b: Buffer) =>
      new Promise<void>((resolve) => {
        if (deflate.write(b)) resolve();
        else deflate.once("drain", () => resolve());
      });
    for await (const piece of e.data()) {
      const b = typeof piece === "string" ? Buffer.from(piece, "utf8") : piece;
      crc = crc32(b, crc);
      size += b.length;
      await write(b);
      while (out.length > 0) {
        const c = out.shift() as Buffer;
        compressed += c.length;
        yield c;
      }
    }
    // 'end' (not the end() callback, which is 'finish') comes after the last compressed bytes.
    await new Promise<void>((resolve) => {
      deflate.once("end", () => resolve());
      deflate.end();
    });
    for (const c of out) {
      compressed += c.length;
      yield c;
    }
    out.length = 0;
    const declared = e.declaredSize ?? size;
    const descriptor = Buffer.concat([u32(0x08074b50), u32(crc), u32(compressed), u32(declared)]);
    yield descriptor;
    offset += compressed + descriptor.length;
    central.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(20),
        u16(20),
        u16(flags),
        u16(8),
        u16(0),
        u16(0x21),
        u32(crc),
        u32(compressed),
        u32(declared),
        u16(name.length),
        u16(0),
        u16(0),
        u16(0),
        u16(0),
        u32(0),
        u32(localOffset),
        name,
      ]),
    );
  }
  const dir = Buffer.concat(central);
  yield dir;
  yield Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(entries.length),
    u16(entries.length),
    u32(dir.length),
    u32(offset),
    u16(0),
  ]);
}

export async function zipBuffer(entries: ZipEntry[]): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of zipStream(entries)) parts.push(p);
  return Buffer.concat(parts);
}

const xmlEscape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** One cell of a hand-made sheet. */
export type Cell =
  | string // an inline string
  | number
  | boolean
  | null
  | { shared: number } // index into the shared strings
  | { error: string } // an error cell such as #DIV/0!
  | { date: number; style: number } // a serial date with a (date) style index
  | { rich: string[] } // an inline rich-text string, in runs
  | { formula: string; result: number }; // a formula with its cached result

function column(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function cellXml(c: Cell, ref: string): string {
  if (c === null) return "";
  if (typeof c === "string")
    return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(c)}</t></is></c>`;
  if (typeof c === "number") return `<c r="${ref}"><v>${c}</v></c>`;
  if (typeof c === "boolean") return `<c r="${ref}" t="b"><v>${c ? 1 : 0}</v></c>`;
  if ("shared" in c) return `<c r="${ref}" t="s"><v>${c.shared}</v></c>`;
  if ("error" in c) return `<c r="${ref}" t="e"><f>1/0</f><v>${xmlEscape(c.error)}</v></c>`;
  if ("date" in c) return `<c r="${ref}" s="${c.style}"><v>${c.date}</v></c>`;
  if ("rich" in c)
    return `<c r="${ref}" t="inlineStr"><is>${c.rich.map((t) => `<r><rPr><b/></rPr><t>${xmlEscape(t)}</t></r>`).join("")}</is></c>`;
  return `<c r="${ref}"><f>${xmlEscape(c.formula)}</f><v>${c.result}</v></c>`;
}

/**
 * A row's XML (1-based row number). Without `refs` the row and cell references are left out, as
 * the format allows (rows and cells then follow one another): a large sheet compresses far better.
 */
export function rowXml(n: number, cells: Cell[], refs = true): string {
  if (!refs) return `<row>${cells.map((c) => cellXml(c, "").replace(' r=""', "")).join("")}</row>`;
  return `<row r="${n}">${cells.map((c, i) => cellXml(c, `${column(i)}${n}`)).join("")}</row>`;
}

export const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
export const SHEET_TAIL = "</sheetData></worksheet>";

/** Styles: index 0 general, 1 a built-in date (14), 2 a custom yyyy-mm date. */
const STYLES =
  '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>';

export const DATE_STYLE = 1;
export const MONTH_STYLE = 2;

/** Excel's serial number (1900 system) of a calendar day. */
export function excelSerial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

export interface WorkbookParts {
  /** The sheet's XML, produced piece by piece. */
  sheet: () => AsyncIterable<string | Buffer> | Iterable<string | Buffer>;
  sharedStrings?: string[] | (() => Iterable<string>);
  /** Lie about the sheet's uncompressed size. */
  sheetDeclaredSize?: number;
}

/** The entries of a minimal workbook with one sheet named “Số liệu”. */
export function workbookEntries(p: WorkbookParts): ZipEntry[] {
  const entries: ZipEntry[] = [
    {
      name: "[Content_Types].xml",
      data: () => [
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ],
    },
    {
      name: "_rels/.rels",
      data: () => [
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ],
    },
    {
      name: "xl/workbook.xml",
      data: () => [
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Số liệu" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ],
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: () => [
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>${p.sharedStrings ? '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' : ""}</Relationships>`,
      ],
    },
    { name: "xl/styles.xml", data: () => [STYLES] },
  ];
  const shared = p.sharedStrings;
  if (shared)
    entries.push({
      name: "xl/sharedStrings.xml",
      data: function* () {
        yield '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
        for (const s of typeof shared === "function" ? shared() : shared)
          yield `<si><t xml:space="preserve">${xmlEscape(s)}</t></si>`;
        yield "</sst>";
      },
    });
  entries.push({ name: "xl/worksheets/sheet1.xml", data: p.sheet, declaredSize: p.sheetDeclaredSize });
  return entries;
}

/** A whole small workbook from rows of cells (header first). */
export function workbook(rows: Cell[][], sharedStrings?: string[]): Promise<Buffer> {
  return zipBuffer(
    workbookEntries({
      sharedStrings,
      sheet: function* () {
        yield SHEET_HEAD;
        for (let i = 0; i < rows.length; i++) yield rowXml(i + 1, rows[i] as Cell[]);
        yield SHEET_TAIL;
      },
    }),
  );
}
