/** What an import is asked to do, and what it answers. */
import type { RowError } from "./files/source-row.js";

export interface ImportSummary {
  rows: number;
  imported: number;
  updated: number;
  unchanged: number;
  /** Rows refused because they would change a submitted or approved value (counted among `rejected`). */
  locked: number;
  rejected: number;
  dryRun: boolean;
  /** True when this is the stored result of an earlier import with the same idempotency key. */
  replayed: boolean;
  errors: RowError[];
}

export interface ImportOptions {
  dryRun?: boolean;
  idempotencyKey?: string | undefined;
  format: "json" | "csv" | "xlsx";
  /** Enter and submit in one step (the caller must be allowed to submit every row). */
  submit?: boolean;
  /** Commit in chunks (the embedded database), taking the import back if it cannot finish. */
  chunkedCommit?: boolean;
  /** Rows read so far (the reading phase). */
  onRead?: (rows: number) => void;
  /** Called after each applied chunk with rows written so far (for progress reports). */
  onProgress?: (done: number, total: number) => void;
}
