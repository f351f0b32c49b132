/**
 * The import commands: many values at once from a JSON body (bulk) or an uploaded file (CSV
 * streamed, .xlsx through a temporary file), all or nothing. Each reads and checks the rows as
 * they come, authorizes every row set-wise against its cell, and applies the import through the
 * set-wise writer (roll-ups, change batches, one audit entry) — in one transaction on PostgreSQL,
 * in chunks that commit one by one on the embedded database (run-import.ts says why). An upload's
 * progress is reported as it goes; a file refused as a whole is answered like a rejected import.
 */
import type { Readable } from "node:stream";
import type { Db } from "../../../../db/client.js";
import type { Principal } from "../../../access/index.js";
import type { ChangeContext } from "../../../core/change-context.js";
import type { Config } from "../../../core/config.js";
import type { AppError } from "../../../core/errors.js";
import type { ObservationInput } from "../../values/model.js";
import { isFileRefusal, type UploadRows, uploadRows } from "../files/upload-source.js";
import type { ImportProgress } from "../progress.js";
import { milestoneCodes } from "../queries.js";
import { importObservations, jsonRows } from "../run-import.js";
import type { ImportSummary } from "../summary.js";

/** What an import answered: applied (or a clean dry run), rejected by row, or its file refused whole. */
export type ImportOutcome =
  | { kind: "done"; summary: ImportSummary }
  | { kind: "rejected"; summary: ImportSummary }
  | { kind: "file_refused"; error: AppError };

export interface ImportRequest {
  dryRun: boolean;
  submit: boolean;
  idempotencyKey?: string | undefined;
  /** The embedded database: commit in chunks. */
  embedded: boolean;
}

const outcome = (summary: ImportSummary): ImportOutcome =>
  summary.errors.length > 0 ? { kind: "rejected", summary } : { kind: "done", summary };

/** Bulk JSON: the body's items. */
export async function importItems(
  db: Db,
  principal: Principal,
  items: readonly ObservationInput[],
  req: ImportRequest,
  ctx: ChangeContext,
): Promise<ImportOutcome> {
  const summary = await importObservations(db, principal, jsonRows(items), ctx, {
    dryRun: req.dryRun,
    submit: req.submit,
    idempotencyKey: req.idempotencyKey,
    format: "json",
    chunkedCommit: req.embedded,
  });
  return outcome(summary);
}

export interface UploadRequest extends ImportRequest {
  body: Readable;
  headers: { "content-type"?: string; "content-length"?: string };
  config: Parameters<typeof uploadRows>[2] & Pick<Config, "MAX_UPLOAD_MB">;
  /** Receives the import's progress (reading, writing, done or failed). */
  report: (patch: Partial<ImportProgress>) => void;
}

/** An uploaded CSV or .xlsx file. */
export async function importUpload(
  db: Db,
  principal: Principal,
  req: UploadRequest,
  ctx: ChangeContext,
): Promise<ImportOutcome> {
  const { report } = req;
  let upload: UploadRows | undefined;
  try {
    const milestones = await milestoneCodes(db);
    upload = await uploadRows(req.body, req.headers, req.config, (c) => milestones.has(c));
    const summary = await importObservations(db, principal, upload.rows, ctx, {
      dryRun: req.dryRun,
      submit: req.submit,
      idempotencyKey: req.idempotencyKey,
      format: upload.format,
      chunkedCommit: req.embedded,
      onRead: (done) => report({ done }),
      onProgress: (done, total) => report({ phase: "writing", done, total }),
    });
    report({ phase: summary.errors.length > 0 ? "failed" : "done" });
    return outcome(summary);
  } catch (err) {
    report({ phase: "failed" });
    if (isFileRefusal(err)) return { kind: "file_refused", error: err };
    throw err;
  } finally {
    await upload?.cleanup();
  }
}
