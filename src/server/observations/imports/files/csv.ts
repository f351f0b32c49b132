/**
 * Reading values from a CSV upload as a stream (the file is never held whole): headers in
 * Vietnamese or English, `;` or `,` separators, numbers in Vietnamese or English format (ambiguous
 * ones refused), yes/no answers for milestones. Problems are collected per row and column.
 */
import { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import { parseLocalizedNumber, parseYesNo } from "../../../../domain/numbers.js";
import { AppError } from "../../../core/errors.js";
import { unprotectText } from "../../../core/export/spreadsheet-text.js";
import { EXPECTED_CSV, sniffFileKind, wrongKind } from "./file-kind.js";
import {
  evidenceUrlErrors,
  fieldFor,
  type ImportField,
  missingColumn,
  REQUIRED_FIELDS,
} from "./import-columns.js";
import { type RowError, rowError, type SourceRow } from "./source-row.js";

/** The default of CSV_MAX_ROWS (data rows after the header). */
export const MAX_CSV_ROWS = 2_000_000;

/** A record longer than this is refused: it is almost always an unterminated quote swallowing the file. */
const MAX_RECORD_BYTES = 1024 * 1024;

/** The separator of the header line: `;` (common in Vietnamese Excel exports), `,` or a tab. */
export function sniffDelimiter(firstLine: string): string {
  const counts = [";", ",", "\t"].map((d) => [d, firstLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]?.[1] ? (counts[0][0] as string) : ",";
}

/** UTF-16 without a byte-order mark: one of each pair of bytes of ASCII text is zero. */
function utf16WithoutBom(head: Buffer): boolean {
  const n = Math.min(head.length, 512) & ~1;
  if (n < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  return Math.max(even, odd) > n / 2 / 2;
}

/** The first bytes of a stream (at least `n`, unless it ends), and the stream with them put back. */
async function peek(stream: Readable, n: number): Promise<{ head: Buffer; rest: AsyncIterable<Buffer> }> {
  const chunks = stream[Symbol.asyncIterator]();
  const got: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < n) {
    const c = await chunks.next();
    if (c.done) {
      done = true;
      break;
    }
    const b = Buffer.from(c.value as Buffer);
    got.push(b);
    size += b.length;
  }
  const head = Buffer.concat(got);
  return {
    head,
    rest: (async function* () {
      if (head.length > 0) yield head;
      if (done) return;
      for (let c = await chunks.next(); !c.done; c = await chunks.next()) yield c.value as Buffer;
    })(),
  };
}

/** UTF-16 text (after its byte-order mark) as UTF-8, chunk by chunk. */
async function* utf16ToUtf8(bytes: AsyncIterable<Buffer>, bigEndian: boolean): AsyncGenerator<Buffer> {
  const decoder = new TextDecoder(bigEndian ? "utf-16be" : "utf-16le");
  let first = true;
  for await (const chunk of bytes) {
    const b = first ? chunk.subarray(2) : chunk;
    first = false;
    yield Buffer.from(decoder.decode(b, { stream: true }), "utf8");
  }
  const tail = decoder.decode();
  if (tail) yield Buffer.from(tail, "utf8");
}

/** A parser's refusal as the client's problem, naming the row where reading stopped. */
function malformedCsv(err: unknown, row: number): AppError {
  const code = err instanceof CsvError ? err.code : "";
  const [reasonVi, reasonEn] =
    code === "CSV_QUOTE_NOT_CLOSED"
      ? [`dấu ngoặc kép mở ở dòng ${row} không được đóng`, `a quote opened on row ${row} is never closed`]
      : code === "CSV_MAX_RECORD_SIZE"
        ? [
            `dòng ${row} dài quá ${MAX_RECORD_BYTES / 1024 / 1024} MB (có thể do dấu ngoặc kép không được đóng)`,
            `row ${row} is longer than ${MAX_RECORD_BYTES / 1024 / 1024} MB (perhaps a quote that is never closed)`,
          ]
        : code === "CSV_INVALID_CLOSING_QUOTE" || code === "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE"
          ? [
              `dấu ngoặc kép đặt sai chỗ ở dòng ${row} (trong ô có ngoặc kép phải viết "" )`,
              `a misplaced quote on row ${row} (inside a quoted cell write "")`,
            ]
          : [`dòng ${row} sai định dạng CSV`, `row ${row} is not valid CSV`];
  return new AppError("CSV_MALFORMED", { row, reasonVi, reasonEn }, [
    {
      path: `row.${row}`,
      line: row,
      message: `Dòng ${row}: ${reasonVi}`,
      messageEn: `Row ${row}: ${reasonEn}`,
    },
  ]);
}

/** The rows of a CSV upload as they stream in: each row's value, or the problems reading it. */
export async function* readCsv(
  stream: Readable,
  milestoneCodes: (code: string) => boolean,
  maxRows = MAX_CSV_ROWS,
): AsyncGenerator<SourceRow> {
  // Look at the first bytes to tell the file's kind and encoding, and the separator.
  const { head, rest } = await peek(stream, 4096);
  const kind = sniffFileKind(head);
  let bytes: AsyncIterable<Buffer> = rest;
  let firstText: string;
  if (kind.kind === "utf16") {
    const bigEndian = head[0] === 0xfe;
    bytes = utf16ToUtf8(rest, bigEndian);
    firstText = new TextDecoder(bigEndian ? "utf-16be" : "utf-16le").decode(
      head.subarray(2, head.length & ~1),
    );
  } else if (kind.kind === "binary" && utf16WithoutBom(head))
    throw new AppError("CSV_ENCODING_UNSUPPORTED", { encoding: "UTF-16" });
  else if (kind.kind !== "text") throw wrongKind(kind, EXPECTED_CSV);
  else firstText = head.toString("utf8");
  const firstLine = firstText.replace(/^\ufeff/, "").split(/\r?\n/)[0] ?? "";
  const parser = Readable.from(bytes).pipe(
    parse({
      bom: true,
      delimiter: sniffDelimiter(firstLine),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      max_record_size: MAX_RECORD_BYTES,
    }),
  );
  let columns: (ImportField | undefined)[] | undefined;
  let line = 0;
  let errors: RowError[] = [];
  const err = (row: number, column: string, vi: string, en: string, value?: unknown) =>
    errors.push(rowError(row, column, vi, en, value));
  const records = (async function* () {
    try {
      yield* parser as AsyncIterable<string[]>;
    } catch (err) {
      if (err instanceof AppError) throw err;
      // The parser's own count: records it read but we had not taken yet are counted too.
      const read = (err as { records?: unknown }).records;
      throw malformedCsv(err, (typeof read === "number" ? read : line) + 1);
    }
  })();
  for await (const record of records) {
    line++;
    errors = [];
    if (!columns) {
      columns = record.map(fieldFor);
      for (const required of REQUIRED_FIELDS)
        if (!columns.includes(required)) errors.push(missingColumn(required));
      if (errors.length > 0) {
        yield { row: 1, errors };
        return;
      }
      continue;
    }
    if (line - 1 > maxRows)
      throw new AppError("SPREADSHEET_TOO_MANY_ROWS", { limit: maxRows, setting: "CSV_MAX_ROWS" });
    // Trimmed first, then one protecting apostrophe off (see spreadsheet-text.ts).
    const get = (field: ImportField) => {
      const i = columns?.indexOf(field) ?? -1;
      return i >= 0 ? unprotectText((record[i] ?? "").trim()) : "";
    };
    const indicator = get("indicator");
    const rawValue = get("value");
    let value: number | boolean | undefined;
    if (rawValue === "") err(line, "value", "thiếu giá trị", "no value", rawValue);
    else if (milestoneCodes(indicator)) {
      const b = parseYesNo(rawValue);
      if (b.ok) value = b.value;
      else err(line, "value", b.vi, b.en, rawValue);
    } else {
      const n = parseLocalizedNumber(rawValue);
      if (n.ok) value = n.value;
      else err(line, "value", n.vi, n.en, rawValue);
    }
    for (const f of ["indicator", "unit", "period"] as const)
      if (get(f) === "") err(line, f, "bắt buộc", "required");
    errors.push(...evidenceUrlErrors(line, get("evidenceUrl")));
    if (value === undefined || errors.length > 0) {
      // The rest of the row is still checked (indicator, unit, period), so every problem of a row
      // is named at once; a row with reading errors is never written.
      const filled = ["indicator", "unit", "period"].every((f) => get(f as "indicator") !== "");
      yield filled
        ? {
            row: line,
            errors,
            input: { indicator, unit: get("unit"), period: get("period"), value: Number.NaN },
          }
        : { row: line, errors };
      continue;
    }
    const optional = (f: "source" | "comment" | "evidenceUrl" | "reporterUnit") => get(f) || undefined;
    yield {
      row: line,
      input: {
        indicator,
        unit: get("unit"),
        period: get("period"),
        value,
        reporterUnit: optional("reporterUnit"),
        source: optional("source") ?? null,
        comment: optional("comment") ?? null,
        evidenceUrl: optional("evidenceUrl") ?? null,
      },
    };
  }
  if (!columns) {
    err(1, "", "tệp trống", "the file is empty");
    yield { row: 1, errors };
  }
}
