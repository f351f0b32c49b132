/**
 * The single-row value writer. A value is never silently overwritten: each change closes the
 * current revision and opens a new one. It shares the unchanged and locked rules with the set-wise
 * writer (write-rules.ts) and the expected-version check with every path (version.ts); it stays a
 * writer of its own because staging one row costs a dozen statements where this takes four, and
 * its callers decide per row (who reports the cell, a reviewer's revision) before anything is written.
 */
import type { Executor } from "../../../db/client.js";
import { parsePeriod } from "../../../domain/periods.js";
import type { ChangeContext } from "../../core/change-context.js";
import { AppError } from "../../core/errors.js";
import {
  disaggKey,
  type IndicatorRow,
  type ObservationInput,
  type ObservationRow,
  type Refs,
  type UnitRow,
  type WriteStatus,
} from "./model.js";
import { closeRevision, insertRevision, insertValue, lockCell, updateValue, weightFor } from "./queries.js";
import { expectVersion } from "./version.js";
import { fieldsOf, isUnchanged } from "./write-rules.js";

export type WriteOutcome = "created" | "updated" | "unchanged";

export interface WriteResult {
  outcome: WriteOutcome;
  row: ObservationRow;
  previous?: ObservationRow;
}

/**
 * Called with the cell's current value (locked for this transaction) before anything is written:
 * throws to refuse the write (who may write the cell, locked states). Its result, when given, is
 * the reporting unit of a new value.
 */
export type WriteGuard = (
  current: ObservationRow | undefined,
  /** The write would leave the value as it is. */
  unchanged: boolean,
) => Promise<string | undefined>;

/**
 * Writes one checked value inside the caller's transaction: the cell's current value is locked,
 * the guard decides whether the write may happen, the expected version is checked, and the value
 * is created or changed with a new revision. An existing value keeps its reporting unit. Callers
 * go through the write command (commands/write-value.ts), which authorizes, rolls up and audits.
 */
export async function writeObservation(
  tx: Executor,
  input: ObservationInput,
  refs: Refs,
  ctx: ChangeContext,
  /** The reporting unit of a new value (defaults to the named or described unit). */
  reporterUnitId?: string,
  /** "submitted" when an approver enters and submits in one step; "approved" for a reviewer's revision. */
  status: WriteStatus = "draft",
  guard?: WriteGuard,
): Promise<WriteResult> {
  const ind = refs.indicators.get(input.indicator) as IndicatorRow;
  const unit = refs.units.get(input.unit) as UnitRow;
  const key = disaggKey(input.disaggregation);
  const current = await lockCell(tx, {
    indicatorId: ind.id,
    orgUnitId: unit.id,
    period: input.period,
    disaggKey: key,
  });
  const f = fieldsOf(input);
  const unchanged = current !== undefined && isUnchanged(current, f, status);
  const decided = await guard?.(current, unchanged);
  expectVersion(current, input.expectedVersion);
  const now = new Date();
  if (current && unchanged) return { outcome: "unchanged", row: current };
  const rollupWeight =
    ind.aggregation === "weighted_mean" ? await weightFor(tx, ind, unit.id, input.period, key) : null;
  if (!current) {
    const reporter =
      decided ?? reporterUnitId ?? (input.reporterUnit ? refs.units.get(input.reporterUnit)?.id : undefined);
    const row = await insertValue(tx, {
      indicatorId: ind.id,
      orgUnitId: unit.id,
      reporterUnitId: reporter ?? unit.id,
      period: input.period,
      periodKind: parsePeriod(input.period).kind,
      disaggregation: input.disaggregation ?? {},
      disaggKey: key,
      ...f,
      status,
      firstSubmittedAt: status === "submitted" ? now : null,
      rollupWeight,
      createdBy: ctx.actor,
      updatedBy: ctx.actor,
      createdAt: now,
      updatedAt: now,
    });
    await insertRevision(tx, {
      observationId: row.id,
      version: 1,
      ...f,
      status,
      changedBy: ctx.actor,
      validFrom: now,
    });
    return { outcome: "created", row };
  }
  const row = await updateValue(tx, current.id, {
    ...f,
    status,
    version: current.version + 1,
    rollupWeight,
    firstSubmittedAt: current.firstSubmittedAt ?? (status === "submitted" ? now : null),
    updatedBy: ctx.actor,
    updatedAt: now,
  });
  if (!row) throw new AppError("INTERNAL");
  await closeRevision(tx, current.id, now);
  await insertRevision(tx, {
    observationId: row.id,
    version: row.version,
    ...f,
    status,
    changedBy: ctx.actor,
    validFrom: now,
  });
  return { outcome: "updated", row, previous: current };
}
