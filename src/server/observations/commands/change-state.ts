/**
 * Moving a value through its states, each a command that authorizes, writes a revision, rolls up,
 * announces and audits (before and after) in one transaction:
 *   submit   draft → submitted       the reporting unit's approver
 *   recall   submitted → draft       the reporting unit's approver, while not yet approved
 *   approve  submitted → approved    a reviewer (Standing Office, the system's Chief Engineer, administrators)
 *   return   submitted/approved → draft, with a reason, a reviewer
 *   revise   approved → approved with a new figure and a required reason, a reviewer
 *   delete   a draft by its reporting unit's writers, any value by a reviewer (kept in its revisions)
 */
import type { Db } from "../../../db/client.js";
import { lockedForUnit, revisable } from "../../../domain/value-rules.js";
import type { Principal } from "../../access/index.js";
import { allows, authorize } from "../../access/index.js";
import { audit } from "../../core/audit-writer.js";
import type { ChangeContext } from "../../core/change-context.js";
import { AppError } from "../../core/errors.js";
import { commitObservationChanges } from "../commit.js";
import {
  checkObservation,
  deleteObservation,
  loadRefs,
  type ObservationRow,
  type Transition,
  transitionObservation,
  writeObservation,
} from "../service.js";
import { readableValue } from "./readable-value.js";
import { valueLocked } from "./value-errors.js";
import { invalidInput, unitRef, valueSnapshot } from "./write-value.js";

export interface StateChange {
  reason?: string | undefined;
  expectedVersion?: number | undefined;
}

function checkExpected(row: ObservationRow, expected: number | undefined): void {
  if (expected !== undefined && expected !== row.version)
    throw new AppError("STALE_VERSION", { version: row.version }, [
      {
        path: "expectedVersion",
        message: `giá trị đã được sửa thành phiên bản ${row.version}`,
        messageEn: `the value was changed to version ${row.version}`,
        value: { version: row.version, value: row.valueBool ?? row.value, status: row.status },
      },
    ]);
}

export async function changeValueState(
  db: Db,
  principal: Principal,
  id: string,
  action: Transition,
  change: StateChange,
  ctx: ChangeContext,
): Promise<ObservationRow> {
  const { row, ctx: v } = await readableValue(db, principal, id);
  authorize(principal, `observation.${action}`, v);
  checkExpected(row, change.expectedVersion);
  return db.transaction(async (tx) => {
    const next = await transitionObservation(tx, row, action, ctx);
    await commitObservationChanges(tx, [{ before: row, after: next }]);
    await audit(tx, ctx, {
      action: `observation.${action}`,
      entityType: "observation",
      entityId: row.id,
      before: valueSnapshot(row),
      after: { ...valueSnapshot(next), reason: ctx.reason ?? null },
    });
    return next;
  });
}

export interface Revision extends StateChange {
  reason: string;
  value: number | boolean;
  source?: string | null | undefined;
  comment?: string | null | undefined;
  evidenceUrl?: string | null | undefined;
}

/** A reviewer corrects an official (approved) figure: a new approved revision, with the reason audited. */
export async function reviseValue(
  db: Db,
  principal: Principal,
  id: string,
  revision: Revision,
  ctx: ChangeContext,
): Promise<ObservationRow> {
  const { row, ctx: v } = await readableValue(db, principal, id);
  authorize(principal, "observation.revise", v);
  if (!revisable(row.status)) throw new AppError("INVALID_STATE", { state: row.status, action: "revise" });
  checkExpected(row, revision.expectedVersion);
  const unit = await unitRef(db, row.orgUnitId);
  const input = {
    indicator: v.indicatorCode,
    unit: unit.code,
    period: row.period,
    disaggregation: row.disaggregation,
    value: revision.value,
    source: revision.source === undefined ? row.source : revision.source,
    comment: revision.comment === undefined ? row.comment : revision.comment,
    evidenceUrl: revision.evidenceUrl === undefined ? row.evidenceUrl : revision.evidenceUrl,
    expectedVersion: row.version,
  };
  const refs = await loadRefs(db, [input]);
  const problems = checkObservation(input, refs, "body.").filter((p) => !p.path?.endsWith("period"));
  if (problems.length > 0) throw invalidInput(problems);
  return db.transaction(async (tx) => {
    const r = await writeObservation(tx, input, refs, ctx, undefined, "approved", async (current) => {
      if (current?.status !== "approved")
        throw new AppError("INVALID_STATE", { state: current?.status ?? "deleted", action: "revise" });
      return undefined;
    });
    if (r.outcome === "unchanged") return r.row;
    await commitObservationChanges(tx, [{ before: r.previous, after: r.row }]);
    await audit(tx, ctx, {
      action: "observation.revise",
      entityType: "observation",
      entityId: row.id,
      before: r.previous ? valueSnapshot(r.previous) : null,
      after: { ...valueSnapshot(r.row), reason: ctx.reason ?? null },
    });
    return r.row;
  });
}

export async function deleteValue(
  db: Db,
  principal: Principal,
  id: string,
  change: StateChange,
  ctx: ChangeContext,
): Promise<void> {
  const { row, ctx: v } = await readableValue(db, principal, id);
  // Its own unit's writer meets a submitted or approved value: say who may change it now.
  authorize(principal, "observation.delete", v, () =>
    lockedForUnit(row.status) && allows(principal, "observation.write", v)
      ? valueLocked(row.status, row.valueBool ?? row.value)
      : new AppError("FORBIDDEN"),
  );
  checkExpected(row, change.expectedVersion);
  await db.transaction(async (tx) => {
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
