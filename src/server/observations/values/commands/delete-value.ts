/**
 * Deleting a value (kept in its revisions), in one transaction: locked, its context loaded,
 * authorized — a draft by its reporting unit's writers, any value by a reviewer; a unit's writer
 * meeting a submitted or approved value is told it is locked — the expected version checked; then
 * a final revision marked deleted, roll-ups, change batch and audit with the reason.
 */
import type { Db } from "../../../../db/client.js";
import { lockedForUnit } from "../../../../domain/value-rules.js";
import type { Principal } from "../../../access/index.js";
import { allows, authorize } from "../../../access/index.js";
import { audit } from "../../../core/audit-writer.js";
import type { ChangeContext } from "../../../core/change-context.js";
import { AppError } from "../../../core/errors.js";
import { inTransaction } from "../../../core/transaction.js";
import { commitObservationChanges } from "../commit.js";
import { deleteObservation } from "../transition.js";
import { readableValue } from "../value-context.js";
import { expectVersion } from "../version.js";
import { valueSnapshot } from "./audit-entry.js";
import type { StateChange } from "./change-state.js";
import { valueLocked } from "./value-errors.js";

export async function deleteValue(
  db: Db,
  principal: Principal,
  id: string,
  change: StateChange,
  ctx: ChangeContext,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const { row, ctx: v } = await readableValue(tx, principal, id, true);
    // Its own unit's writer meets a submitted or approved value: say who may change it now.
    authorize(principal, "observation.delete", v, () =>
      lockedForUnit(row.status) && allows(principal, "observation.write", v)
        ? valueLocked(row.status, row.valueBool ?? row.value)
        : new AppError("FORBIDDEN"),
    );
    expectVersion(row, change.expectedVersion);
    const gone = await deleteObservation(tx, row, ctx);
    await commitObservationChanges(tx, [{ before: row, after: gone }]);
    await audit(tx, ctx, {
      action: "observation.delete",
      entityType: "observation",
      entityId: row.id,
      before: valueSnapshot(row),
      after: { ...valueSnapshot(gone), reason: ctx.reason ?? null },
    });
  });
}
