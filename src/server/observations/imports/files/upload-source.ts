/**
 * An upload's rows, whatever the file: a CSV parsed as it streams in (counted against
 * MAX_UPLOAD_MB), or an .xlsx saved to a temporary file (at most the smaller of XLSX_MAX_MB and
 * MAX_UPLOAD_MB), checked to be a ZIP, then read as a stream under the .xlsx caps. Also which
 * refusals are of the file as a whole.
 */
import { type Readable, Transform } from "node:stream";
import type { Config } from "../../../core/config.js";
import { AppError } from "../../../core/errors.js";
import { XLSX_TYPE } from "../../../core/export/xlsx-writer.js";
import { readCsv } from "./csv.js";
import { EXPECTED_XLSX, sniffFileKind, wrongKind } from "./file-kind.js";
import type { SourceRow } from "./source-row.js";
import { saveUpload } from "./upload-file.js";
import { readXlsx } from "./xlsx-reader.js";

const MB = 1024 * 1024;

export interface UploadRows {
  format: "csv" | "xlsx";
  rows: AsyncIterable<SourceRow>;
  /** Removes the temporary file, if any. */
  cleanup(): Promise<void>;
}

type UploadConfig = Pick<
  Config,
  | "MAX_UPLOAD_MB"
  | "XLSX_MAX_MB"
  | "XLSX_MAX_INFLATED_MB"
  | "XLSX_MAX_ROWS"
  | "XLSX_MAX_SHARED_STRINGS"
  | "CSV_MAX_ROWS"
>;

export async function uploadRows(
  body: Readable,
  headers: { "content-type"?: string; "content-length"?: string },
  config: UploadConfig,
  isMilestone: (code: string) => boolean,
): Promise<UploadRows> {
  if (
    !String(headers["content-type"] ?? "")
      .toLowerCase()
      .startsWith(XLSX_TYPE)
  )
    return {
      format: "csv",
      rows: malformedAsAppError(
        readCsv(counted(body, config.MAX_UPLOAD_MB), isMilestone, config.CSV_MAX_ROWS),
      ),
      cleanup: async () => {},
    };
  const mb = Math.min(config.XLSX_MAX_MB, config.MAX_UPLOAD_MB);
  const length = headers["content-length"];
  const saved = await saveUpload(body, mb * MB, `${mb} MB`, length ? Number(length) : undefined);
  const kind = sniffFileKind(saved.head);
  if (kind.kind !== "zip") {
    await saved.remove();
    throw wrongKind(kind, EXPECTED_XLSX);
  }
  return {
    format: "xlsx",
    rows: readXlsx(saved.path, isMilestone, {
      maxInflatedBytes: config.XLSX_MAX_INFLATED_MB * MB,
      maxRows: config.XLSX_MAX_ROWS,
      maxSharedStrings: config.XLSX_MAX_SHARED_STRINGS,
    }),
    cleanup: saved.remove,
  };
}

/** The CSV stream, refused past MAX_UPLOAD_MB. */
function counted(body: Readable, maxMb: number): Readable {
  let bytes = 0;
  const out = body.pipe(
    new Transform({
      transform(chunk: Buffer, _enc, cb) {
        bytes += chunk.length;
        if (bytes > maxMb * MB) cb(new AppError("PAYLOAD_TOO_LARGE", { limit: `${maxMb} MB` }));
        else cb(null, chunk);
      },
    }),
  );
  body.on("error", (e) => out.destroy(e));
  return out;
}

/** A CSV the parser cannot read in a way not named more precisely is the client's fault: 400, not 500. */
async function* malformedAsAppError(rows: AsyncIterable<SourceRow>): AsyncGenerator<SourceRow> {
  try {
    yield* rows;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError("MALFORMED_BODY");
  }
}

/** What the client still sends of a refused upload is read and dropped, not buffered. */
export function discardRest(body: Readable): void {
  body.unpipe();
  body.resume();
}

/** File-level refusals (wrong kind, encoding, broken CSV): answered like a rejected import, with their code. */
const FILE_REFUSALS = new Set(["WRONG_FILE_KIND", "CSV_ENCODING_UNSUPPORTED", "CSV_MALFORMED"]);

export function isFileRefusal(err: unknown): err is AppError {
  return err instanceof AppError && FILE_REFUSALS.has(err.code);
}
