/**
 * The one way a command opens its transaction. Work that must follow the commit (the audit anchor
 * file, notifications, cache warming) is queued with `afterCommit` and runs only once the
 * transaction has committed; a rolled-back command runs none of it.
 */
import type { Db, Tx } from "../../db/client.js";

export type AfterCommit = (work: () => void | Promise<void>) => void;

export async function inTransaction<T>(
  db: Db,
  work: (tx: Tx, afterCommit: AfterCommit) => Promise<T>,
): Promise<T> {
  const queued: (() => void | Promise<void>)[] = [];
  const result = await db.transaction((tx) => work(tx, (w) => queued.push(w)));
  for (const w of queued) await w();
  return result;
}
