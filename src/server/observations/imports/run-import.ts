/**
 * Importing many values at once (bulk JSON, CSV, Excel). Rows arrive as a stream and are checked
 * in batches — value, period, unit, indicator, and the caller's right to write it — and staged in
 * `import_rows`, so a file of a million rows is never held in memory. The import is all-or-nothing:
 * one bad row and nothing is written, with every problem named by row, column, value and what is
 * expected. Good imports are applied set-wise (staged.ts): in one transaction on PostgreSQL; on
 * the embedded database in chunks that commit one by one, so the one in-process connection is
 * free for other requests in between, and a failed or interrupted import is taken back. A retried
 * import with the same idempotency key returns the first result.
 */
import { createHash } from "node:crypto";
import { yieldToEventLoop } from "../../../db/chunked.js";
import type { Db, Executor } from "../../../db/client.js";
import { authorize, type Principal } from "../../access/index.js";
import type { ChangeContext } from "../../core/change-context.js";
import { AppError, violatesUnique } from "../../core/errors.js";
import { inTransaction } from "../../core/transaction.js";
import type { ObservationInput, Refs } from "../values/model.js";
import { applyImport } from "./apply-import.js";
import { checkBatch, checkStaged, type Reading } from "./check-rows.js";
import { CHECK_BATCH } from "./chunks.js";
import { nfcRows } from "./files/nfc-rows.js";
import type { SourceRow } from "./files/source-row.js";
import { createImport, discardImport, stagedOutcomes, storedImport } from "./queries.js";
import { checkStagedVersions } from "./staged.js";
import type { ImportOptions, ImportSummary } from "./summary.js";

export type { ImportOptions, ImportSummary } from "./summary.js";

/** Rows of a JSON body as source rows (numbered from 1). */
export function* jsonRows(items: readonly ObservationInput[]): Iterable<SourceRow> {
  for (let i = 0; i < items.length; i++) yield { row: i + 1, input: items[i] as ObservationInput };
}

export async function importObservations(
  db: Db,
  principal: Principal,
  source: Iterable<SourceRow> | AsyncIterable<SourceRow>,
  ctx: ChangeContext,
  opts: ImportOptions,
): Promise<ImportSummary> {
  authorize(principal, "observation.import", null);
  const read = { hash: "" };
  const rows = nfcRows(source);
  try {
    // On PostgreSQL everything, staging included, is one transaction: a crash leaves nothing behind.
    return opts.chunkedCommit
      ? await runImport(db, db, principal, rows, ctx, opts, read)
      : await inTransaction(db, (tx) => runImport(db, tx, principal, rows, ctx, opts, read));
  } catch (err) {
    // The same upload sent twice at once: the one that finished second answers like a retry.
    if (
      opts.idempotencyKey &&
      read.hash &&
      (violatesUnique(err, "import_batches_key") || violatesUnique(err, "observations_cell_key"))
    ) {
      const done = await storedImport(db, ctx.actor, opts.idempotencyKey);
      if (done) return replay(done, read.hash, opts.idempotencyKey);
    }
    throw err;
  }
}

/** A retry gets the first result; a different upload under the same key is refused. */
function replay(done: { payloadHash: string; summary: unknown }, hash: string, key: string): ImportSummary {
  if (done.payloadHash !== hash) throw new AppError("IDEMPOTENCY_CONFLICT", { key });
  // (Results stored before `locked` existed lack it.)
  const first = done.summary as Omit<ImportSummary, "locked"> & { locked?: number };
  return { ...first, locked: first.locked ?? 0, replayed: true };
}

async function runImport(
  db: Db,
  /** Where reading and staging happen: the import's transaction, or the database (chunked commits). */
  x: Executor,
  principal: Principal,
  source: Iterable<SourceRow> | AsyncIterable<SourceRow>,
  ctx: ChangeContext,
  opts: ImportOptions,
  /** Filled once the whole upload is read. */
  read: { hash: string },
): Promise<ImportSummary> {
  const status = opts.submit ? "submitted" : "draft";
  const r: Reading = {
    hash: createHash("sha256"),
    rows: 0,
    staged: 0,
    rejectedRows: 0,
    errors: [],
    forbidden: [],
    facts: new Map(),
  };
  const done = await storedImport(x, ctx.actor, opts.idempotencyKey);
  // A retry is only read (to compare it with the first upload), never staged.
  const imp = done ? undefined : await createImport(x, ctx.actor, status);
  const importId = imp?.id ?? null;
  let failed = false;
  try {
    const refs: Refs = { indicators: new Map(), units: new Map(), unitsById: new Map() };
    let batch: SourceRow[] = [];
    for await (const s of source) {
      batch.push(s);
      if (batch.length >= CHECK_BATCH) {
        await checkBatch(x, principal, batch, refs, r, importId, opts);
        batch = [];
        opts.onRead?.(r.rows);
        // A JSON body is read without I/O: on the embedded database, let other requests in.
        if (opts.chunkedCommit) await yieldToEventLoop();
      }
    }
    await checkBatch(x, principal, batch, refs, r, importId, opts);
    const hash = r.hash.digest("hex");
    read.hash = hash;
    if (done) return replay(done, hash, opts.idempotencyKey ?? "");
    if (!importId) throw new AppError("INTERNAL");
    const summary = await checkStaged(x, importId, status, r, opts.dryRun ?? false);
    if (opts.dryRun) {
      // What would change, also beside errors (of the rows without them): the wizard shows both.
      if (summary.errors.length === 0) await checkStagedVersions(x, importId);
      const o = await stagedOutcomes(x, importId, status);
      return {
        ...summary,
        imported: o.created,
        updated: o.updated,
        unchanged: o.unchanged,
        locked: o.locked,
      };
    }
    if (summary.errors.length > 0) return summary;
    await applyImport(db, x, { importId, status, rows: r.rows, staged: r.staged, hash }, summary, ctx, opts);
    return summary;
  } catch (err) {
    failed = true;
    // (In one transaction the rollback takes everything back.)
    if (importId && opts.chunkedCommit) await discardImport(db, importId);
    throw err;
  } finally {
    // A finished import's rows were removed with it; a refused one's or a dry run's go here.
    if (!failed && importId && (r.errors.length > 0 || opts.dryRun)) await discardImport(x, importId);
  }
}
