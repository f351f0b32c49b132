/**
 * A unit writes one value (PUT /observations): checked, authorized against the cell's reporting
 * unit, refused when the value is submitted or approved (unless unchanged), written with a revision,
 * rolled up, announced and audited with before and after — all in one transaction.
 */
import { eq } from "drizzle-orm";
import type { Db, Executor } from "../../../db/client.js";
import { orgUnits } from "../../../db/schema/index.js";
import { cellReporter, lockedForUnit } from "../../../domain/value-rules.js";
import type { Principal } from "../../access/index.js";
import { authorize } from "../../access/index.js";
import { audit } from "../../core/audit-writer.js";
import type { ChangeContext } from "../../core/change-context.js";
import { AppError, type ErrorDetail } from "../../core/errors.js";
import { commitObservationChanges } from "../commit.js";
import {
  checkObservation,
  loadRefs,
  type ObservationInput,
  type ObservationRow,
  type WriteResult,
  writeObservation,
} from "../service.js";
import { cellContext, indicatorFacts } from "../value-context.js";
import { notCellReporter, valueLocked } from "./value-errors.js";

/** What the audit trail keeps of a value: enough to see what it was and what it became. */
export function valueSnapshot(row: ObservationRow): Record<string, unknown> {
  return {
    indicatorId: row.indicatorId,
    orgUnitId: row.orgUnitId,
    reporterUnitId: row.reporterUnitId,
    period: row.period,
    disaggregation: row.disaggregation,
    value: row.valueBool ?? row.value,
    status: row.status,
    source: row.source,
    comment: row.comment,
    evidenceUrl: row.evidenceUrl,
    version: row.version,
    deleted: row.deletedAt !== null,
  };
}

const REFERENCE_FIELDS = new Set(["indicator", "unit", "reporterUnit", "disaggregation"]);

/** 422 for an input that fails its checks: reference problems, or value problems (bounds, periods, types). */
export function invalidInput(problems: ErrorDetail[]): AppError {
  const fields = problems.map((p) => (p.path ?? "").split(".").pop() ?? "");
  const summary = problems.map((p) => p.message).join("; ");
  const summaryEn = problems.map((p) => p.messageEn ?? p.message).join("; ");
  return fields.every((f) => REFERENCE_FIELDS.has(f))
    ? new AppError("INVALID_REFERENCE", { summary, summaryEn }, problems)
    : new AppError("INVALID_VALUE", { summary, summaryEn }, problems);
}

export async function unitRef(db: Executor, id: string) {
  const [u] = await db
    .select({ code: orgUnits.code, nameVi: orgUnits.nameVi, nameEn: orgUnits.nameEn })
    .from(orgUnits)
    .where(eq(orgUnits.id, id));
  return u ?? { code: id, nameVi: id, nameEn: null };
}

export async function writeValue(
  db: Db,
  principal: Principal,
  input: ObservationInput,
  ctx: ChangeContext,
): Promise<WriteResult> {
  const refs = await loadRefs(db, [input]);
  const problems = checkObservation(input, refs, "body.");
  if (problems.length > 0) throw invalidInput(problems);
  const ind = refs.indicators.get(input.indicator);
  const unit = refs.units.get(input.unit);
  const facts = ind && (await indicatorFacts(db, [ind.id])).get(ind.id);
  if (!ind || !unit || !facts) throw new AppError("INTERNAL");
  return db.transaction(async (tx) => {
    const r = await writeObservation(tx, input, refs, ctx, undefined, "draft", async (current, unchanged) => {
      const reporter = cellReporter(ind, unit.id, current?.reporterUnitId);
      const reporterUnit = refs.unitsById.get(reporter) ?? (await unitRef(tx, reporter));
      const refusal = () => notCellReporter(reporterUnit);
      authorize(
        principal,
        "observation.write",
        cellContext({ orgUnitId: unit.id, reporterUnitId: reporter }, facts),
        refusal,
      );
      // Naming another reporting unit than the cell's own is refused the same way.
      const named = input.reporterUnit ? refs.units.get(input.reporterUnit)?.id : undefined;
      if (named && named !== reporter) throw refusal();
      if (current && lockedForUnit(current.status) && !unchanged)
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
