/**
 * The streaming export service every table export builds on (values today; reports, tasks and
 * their DOCX/PDF/XLSX exports next): rows arrive a page at a time from any source, are turned into
 * cells by the export's columns, and leave as CSV or XLSX without the whole export ever being held
 * in memory. CSV escaping and formula safety (csv.ts, spreadsheet-text.ts), the XLSX streaming
 * writer (xlsx-writer.ts), and row and byte accounting live here, not in routes.
 */
import { PassThrough, pipeline, Readable, Transform } from "node:stream";
import type { Cell } from "./cell.js";
import { CSV_TYPE, csvChunks } from "./csv.js";
import { writeXlsx, XLSX_TYPE } from "./xlsx-writer.js";

export type { Cell } from "./cell.js";

/** One column of an export: its header and how a row gives its cell. */
export interface ExportColumn<R> {
  header: string;
  cell: (row: R) => Cell;
}

export type ExportFormat = "csv" | "xlsx";

/** What an export sent: data rows (the header not counted) and bytes. */
export interface ExportStats {
  rows: number;
  bytes: number;
}

export interface ExportStream {
  body: Readable;
  contentType: string;
  /** The file name's extension, without the dot. */
  extension: ExportFormat;
}

export interface ExportOptions {
  /** The sheet's name (XLSX). */
  sheet?: string;
  /** Called once the export has been written whole (not when it failed or the client went away). */
  onDone?: (stats: ExportStats) => void;
}

/** Pages of a keyset-paged source: `fetch` answers the page after `after` (empty: the end). */
export async function* keysetPages<R, K>(
  fetch: (after: K | undefined) => Promise<readonly R[]>,
  keyOf: (row: R) => K,
): AsyncGenerator<readonly R[]> {
  let after: K | undefined;
  for (;;) {
    const rows = await fetch(after);
    if (rows.length === 0) return;
    yield rows;
    after = keyOf(rows[rows.length - 1] as R);
  }
}

/** Streams `pages` of rows as `format`, one line or row per row, cells by `columns`. */
export function streamRows<R>(
  pages: AsyncIterable<readonly R[]>,
  columns: readonly ExportColumn<R>[],
  format: ExportFormat,
  opts: ExportOptions = {},
): ExportStream {
  const stats: ExportStats = { rows: 0, bytes: 0 };
  const header = columns.map((c) => c.header);
  const cells = (async function* () {
    for await (const page of pages) {
      stats.rows += page.length;
      yield page.map((r) => columns.map((c) => c.cell(r)));
    }
  })();
  const counted = new Transform({
    transform(chunk: Buffer | string, _enc, cb) {
      stats.bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length;
      cb(null, chunk);
    },
    flush(cb) {
      opts.onDone?.({ ...stats });
      cb();
    },
  });
  // A pipeline, so that a client going away (the body destroyed) stops the source as well; its
  // errors reach the body, which the reply then ends.
  const ignore = () => {};
  if (format === "csv") {
    pipeline(Readable.from(csvChunks(header, cells)), counted, ignore);
    return { body: counted, contentType: CSV_TYPE, extension: "csv" };
  }
  const out = new PassThrough();
  pipeline(out, counted, ignore);
  void writeXlsx(out, opts.sheet ?? "Sheet1", header, cells).catch((e: unknown) => out.destroy(e as Error));
  return { body: counted, contentType: XLSX_TYPE, extension: "xlsx" };
}
