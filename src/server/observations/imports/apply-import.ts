/**
 * Applying a checked import: its staged rows written set-wise (staged.ts) chunk by chunk, then
 * finished — counts, one audit entry naming the change batches, the idempotency record, the staged
 * rows removed. On PostgreSQL all of it runs in the import's one transaction. On the embedded
 * database each chunk commits on its own, so the one in-process connection answers other requests
 * in between, and what committed is taken back if the import cannot finish.
 */
import { yieldToEventLoop } from "../../../db/chunked.js";
import type { Db, Executor } from "../../../db/client.js";
import { audit } from "../../core/audit-writer.js";
import type { ChangeContext } from "../../core/change-context.js";
import { inTransaction } from "../../core/transaction.js";
import { APPLY_CHUNK, EMBEDDED_APPLY_CHUNK } from "./chunks.js";
import { appliedOutcomes, deleteStagedRows, recordImportBatch, updateImport } from "./queries.js";
import { revertImport } from "./recover.js";
import { type ApplyingImport, applyStagedRange, checkStagedVersions } from "./staged.js";
import type { ImportOptions, ImportSummary } from "./summary.js";

export interface CheckedImport {
  importId: string;
  status: "draft" | "submitted";
  /** Rows read, and rows staged (the ones to apply). */
  rows: number;
  staged: number;
  /** The upload's hash (audited, and kept with the idempotency key). */
  hash: string;
}

/**
 * Applies `imp` and fills `summary` with what it did. `x` is the import's transaction (PostgreSQL)
 * or the database itself (`opts.chunkedCommit`).
 */
export async function applyImport(
  db: Db,
  x: Executor,
  imp: CheckedImport,
  summary: ImportSummary,
  ctx: ChangeContext,
  opts: ImportOptions,
): Promise<void> {
  const { importId, staged } = imp;
  const applying: ApplyingImport = {
    id: importId,
    actor: ctx.actor,
    status: imp.status,
    writtenAt: new Date(),
  };
  const batches: number[] = [];
  const finish = async (tx: Executor) => {
    const o = await appliedOutcomes(tx, importId);
    Object.assign(summary, { imported: o.created, updated: o.updated, unchanged: o.unchanged });
    await audit(tx, ctx, {
      action: "observations.import",
      entityType: "observation",
      after: {
        format: opts.format,
        imported: o.created,
        updated: o.updated,
        unchanged: o.unchanged,
        // Each written row's before and after: GET /audit/{seq} lists them from the revisions.
        importId,
        changeBatches: batches.length ? { first: batches[0], last: batches[batches.length - 1] } : null,
      },
      rowCount: imp.rows,
      fileHash: imp.hash,
    });
    if (opts.idempotencyKey)
      await recordImportBatch(tx, {
        idempotencyKey: opts.idempotencyKey,
        actor: ctx.actor,
        payloadHash: imp.hash,
        format: opts.format,
        rowCount: imp.rows,
        summary: summary as unknown as Record<string, unknown>,
      });
    await updateImport(tx, importId, { state: "done", finishedAt: new Date(), totalRows: staged });
    await deleteStagedRows(tx, importId);
  };
  if (!opts.chunkedCommit) {
    await updateImport(x, importId, { state: "applying", writtenAt: applying.writtenAt, totalRows: staged });
    for (let from = 0; from < staged; from += APPLY_CHUNK) {
      batches.push(...(await applyStagedRange(x, applying, from, Math.min(from + APPLY_CHUNK, staged))));
      opts.onProgress?.(Math.min(from + APPLY_CHUNK, staged), staged);
    }
    await finish(x);
    return;
  }
  // Chunk by chunk: each commits on its own, and what committed is taken back on failure.
  await checkStagedVersions(db, importId);
  await updateImport(db, importId, { state: "applying", writtenAt: applying.writtenAt, totalRows: staged });
  try {
    for (let from = 0; from < staged; from += EMBEDDED_APPLY_CHUNK) {
      const to = Math.min(from + EMBEDDED_APPLY_CHUNK, staged);
      batches.push(...(await inTransaction(db, (tx) => applyStagedRange(tx, applying, from, to))));
      opts.onProgress?.(to, staged);
      await yieldToEventLoop();
    }
    await inTransaction(db, finish);
  } catch (err) {
    await revertImport(db, importId);
    throw err;
  }
}
