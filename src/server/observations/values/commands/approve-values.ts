/**
 * A system change (the demo, a seed): approving, set-wise, the submitted values of one source
 * that the caller names by cell — in one transaction, the values locked in id order, moved with a
 * revision each, rolled up, announced, and audited as one entry. No principal: its callers are
 * the system's own set-up code, never a request.
 */
import type { Db } from "../../../../db/client.js";
import { audit } from "../../../core/audit-writer.js";
import type { ChangeContext } from "../../../core/change-context.js";
import { inTransaction } from "../../../core/transaction.js";
import { commitObservationChanges } from "../commit.js";
import type { ObservationRow } from "../model.js";
import { submittedValuesOfSource } from "../queries.js";
import { transitionObservations } from "../transition-many.js";

/** A value cell without disaggregation. */
export interface PlainCell {
  indicatorId: string;
  orgUnitId: string;
  period: string;
}

const cellKey = (c: PlainCell) => `${c.indicatorId}|${c.orgUnitId}|${c.period}`;

/** Approves the submitted values of `source` in `cells`; answers how many. */
export async function approveSubmittedValues(
  db: Db,
  source: string,
  cells: readonly PlainCell[],
  ctx: ChangeContext,
): Promise<number> {
  const wanted = new Set(cells.map(cellKey));
  return inTransaction(db, async (tx) => {
    const rows = (await submittedValuesOfSource(tx, source)).filter((r) => wanted.has(cellKey(r)));
    const approved = await transitionObservations(tx, rows, "approve", ctx);
    await commitObservationChanges(
      tx,
      rows.map((before, i) => ({ before, after: approved[i] as ObservationRow })),
    );
    await audit(tx, ctx, {
      action: "observations.approve",
      entityType: "observation",
      after: { approved: approved.length },
      rowCount: approved.length,
    });
    return approved.length;
  });
}
