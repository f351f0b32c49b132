/** An import's answers in the API's shapes: a rejected import's 422 body, and a file refused as a whole. */
import { AppError } from "../../core/errors.js";
import type { ImportSummary } from "./summary.js";

/** The 422 body of a rejected import: the summary with every row's errors, plus the error shape. */
export function presentRejected(summary: ImportSummary, req: { lang: "vi" | "en"; id: string }) {
  const e = new AppError("IMPORT_REJECTED", { count: summary.rejected });
  return { ...summary, error: { code: e.code, message: e.message_(req.lang), requestId: req.id } };
}

/** The 422 body of a file refused as a whole: the import summary's shape (row 1 or the row named), plus the error. */
export function presentFileRefused(err: AppError, req: { lang: "vi" | "en"; id: string }, dryRun: boolean) {
  const row = err.details?.[0]?.line ?? 1;
  return {
    rows: 0,
    imported: 0,
    updated: 0,
    unchanged: 0,
    locked: 0,
    rejected: 0,
    dryRun,
    replayed: false,
    errors: [{ row, column: "", path: "", message: err.message_("vi"), messageEn: err.message_("en") }],
    error: { code: err.code, message: err.message_(req.lang), details: err.details, requestId: req.id },
  };
}
