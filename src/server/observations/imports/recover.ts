/**
 * Taking back an import that cannot finish: when a chunked import (the embedded database) fails
 * part-way, and at start-up for imports the previous process left unfinished.
 */
import { sql } from "drizzle-orm";
import { yieldToEventLoop } from "../../../db/chunked.js";
import type { Db } from "../../../db/client.js";
import { audit } from "../../core/audit-writer.js";
import { inTransaction } from "../../core/transaction.js";
import { EMBEDDED_APPLY_CHUNK } from "./chunks.js";
import { applyingImports, deleteStagedRows, dropStagedImports, importById, updateImport } from "./queries.js";
import { revertStagedRange } from "./staged.js";

/**
 * Takes back what an import applied (chunk by chunk, newest first) and marks it reverted. Used
 * when a chunked import fails, and at start-up for an import the process did not live to finish.
 */
export async function revertImport(db: Db, importId: string): Promise<void> {
  const imp = await importById(db, importId);
  if (!imp) return;
  if (imp.writtenAt && imp.appliedRows > 0) {
    const writtenAt = imp.writtenAt;
    for (let to = imp.appliedRows; to > 0; to -= EMBEDDED_APPLY_CHUNK) {
      const from = Math.max(0, to - EMBEDDED_APPLY_CHUNK);
      await inTransaction(db, async (tx) => {
        await revertStagedRange(tx, { id: importId, status: imp.status, writtenAt }, from, to);
        await updateImport(tx, importId, { appliedRows: from });
      });
      await yieldToEventLoop();
    }
  }
  await inTransaction(db, async (tx) => {
    await audit(
      tx,
      { actor: imp.actor, reason: "import not finished: taken back" },
      {
        action: "observations.import_reverted",
        entityType: "observation",
        after: { rows: imp.totalRows, applied: imp.appliedRows },
      },
    );
    await updateImport(tx, importId, { state: "reverted", finishedAt: new Date(), appliedRows: 0 });
    await deleteStagedRows(tx, importId);
  });
}

/**
 * At start-up: imports a previous process left unfinished. On the embedded database (one process
 * per data directory) every such import is dead: staged ones are dropped, partly applied ones
 * taken back. On PostgreSQL an import applies in one transaction, so only staged rows can be left
 * over, and only those older than an hour are dropped (another process may still be reading one).
 */
export async function recoverImports(
  db: Db,
  embedded: boolean,
): Promise<{ reverted: number; dropped: number }> {
  const stale = embedded ? sql`true` : sql`started_at < now() - interval '1 hour'`;
  const applying = embedded ? await applyingImports(db) : [];
  for (const a of applying) await revertImport(db, a.id);
  const dropped = await dropStagedImports(db, stale);
  return { reverted: applying.length, dropped: dropped.length };
}
