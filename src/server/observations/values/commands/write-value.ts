/**
 * A unit writes one value (PUT /observations), in one transaction: the references it names are
 * loaded and checked, the cell's current value locked, the writer authorized against the cell's
 * reporting unit and refused when the value is submitted or approved (unless unchanged), the
 * expected version checked; then written with a revision, rolled up, announced and audited with
 * before and after.
 */
import type { Db } from "../../../../db/client.js";
import { cellReporter } from "../../../../domain/value-rules.js";
import type { Principal } from "../../../access/index.js";
import { authorize } from "../../../access/index.js";
import { audit } from "../../../core/audit-writer.js";
import type { ChangeContext } from "../../../core/change-context.js";
import { AppError } from "../../../core/errors.js";
import { inTransaction } from "../../../core/transaction.js";
import { checkObservation } from "../check.js";
import { commitObservationChanges } from "../commit.js";
import type { ObservationInput } from "../model.js";
import { loadRefs, unitRef } from "../queries.js";
import { cellContext, indicatorFacts } from "../value-context.js";
import { type WriteResult, writeObservation } from "../write.js";
import { lockedAgainstUnit } from "../write-rules.js";
import { valueSnapshot } from "./audit-entry.js";
import { invalidInput, notCellReporter, valueLocked } from "./value-errors.js";

export async function writeValue(
  db: Db,
  principal: Principal,
  input: ObservationInput,
  ctx: ChangeContext,
): Promise<WriteResult> {
  return inTransaction(db, async (tx) => {
    const refs = await loadRefs(tx, [input]);
    const problems = checkObservation(input, refs, "body.");
    if (problems.length > 0) throw invalidInput(problems);
    const ind = refs.indicators.get(input.indicator);
    const unit = refs.units.get(input.unit);
    const facts = ind && (await indicatorFacts(tx, [ind.id])).get(ind.id);
    if (!ind || !unit || !facts) throw new AppError("INTERNAL");
    const r = await writeObservation(tx, input, refs, ctx, undefined, "draft", async (current, unchanged) => {
      const reporter = cellReporter(ind, unit.id, current?.reporterUnitId);
      const reporterUnit = refs.unitsById.get(reporter) ?? (await unitRef(tx, reporter));
      const refusal = () => notCellReporter(reporterUnit);
      const cell = cellContext({ orgUnitId: unit.id, reporterUnitId: reporter }, facts);
      authorize(principal, "observation.write", cell, refusal);
      // Naming another reporting unit than the cell's own is refused the same way.
      const named = input.reporterUnit ? refs.units.get(input.reporterUnit)?.id : undefined;
      if (named && named !== reporter) throw refusal();
      if (current && lockedAgainstUnit(current.status, unchanged))
        throw valueLocked(current.status, current.valueBool ?? current.value);
      return reporter;
    });
    if (r.outcome === "unchanged") return r;
    await commitObservationChanges(tx, [{ before: r.previous, after: r.row }]);
    await audit(tx, ctx, {
      action: r.outcome === "created" ? "observation.create" : "observation.update",
      entityType: "observation",
      entityId: r.row.id,
      before: r.previous ? valueSnapshot(r.previous) : null,
      after: valueSnapshot(r.row),
    });
    return r;
  });
}
