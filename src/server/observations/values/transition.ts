/**
 * A value's state changes below the commands: moving it along draft → submitted → approved (or
 * back to draft), and deleting it (kept as a final revision marked deleted). Each is a new
 * revision; each changes the value only at the version it was read at, and a value changed
 * meanwhile is refused with the one stale-version 409 (version.ts), the current value in `details`.
 */
import type { Executor } from "../../../db/client.js";
import type { ChangeContext } from "../../core/change-context.js";
import { AppError } from "../../core/errors.js";
import { type ObservationRow, type Transition, transitions } from "./model.js";
import { closeRevision, insertRevision, updateValue, valueById } from "./queries.js";
import { currentValue, staleVersionError } from "./version.js";

/** The 409 of a value that changed after `row` was read (or was deleted). */
export async function changedSince(tx: Executor, row: ObservationRow): Promise<AppError> {
  const now = await valueById(tx, row.id);
  return staleVersionError(now ? currentValue(now) : undefined);
}

/** Moves a value along draft → submitted → approved (or returns it to draft), as a new revision. */
export async function transitionObservation(
  tx: Executor,
  row: ObservationRow,
  action: Transition,
  ctx: ChangeContext,
): Promise<ObservationRow> {
  const t = transitions[action];
  if (!t.from.includes(row.status)) throw new AppError("INVALID_STATE", { state: row.status, action });
  const now = new Date();
  const version = row.version + 1;
  const next = await updateValue(
    tx,
    row.id,
    {
      status: t.to,
      version,
      updatedBy: ctx.actor,
      updatedAt: now,
      firstSubmittedAt: row.firstSubmittedAt ?? (t.to === "submitted" ? now : null),
    },
    row.version,
  );
  if (!next) throw await changedSince(tx, row);
  await closeRevision(tx, row.id, now);
  await insertRevision(tx, {
    observationId: row.id,
    version,
    value: row.value,
    valueBool: row.valueBool,
    source: row.source,
    comment: action === "return" && ctx.reason ? ctx.reason : row.comment,
    evidenceUrl: row.evidenceUrl,
    status: t.to,
    changedBy: ctx.actor,
    validFrom: now,
  });
  return next;
}

/** Soft-deletes a value (kept as a final revision marked deleted), refusing a stale version. */
export async function deleteObservation(
  tx: Executor,
  row: ObservationRow,
  ctx: ChangeContext,
): Promise<ObservationRow> {
  const now = new Date();
  const gone = await updateValue(
    tx,
    row.id,
    { deletedAt: now, updatedBy: ctx.actor, updatedAt: now, version: row.version + 1 },
    row.version,
  );
  if (!gone) throw await changedSince(tx, row);
  await closeRevision(tx, row.id, now);
  await insertRevision(tx, {
    observationId: row.id,
    version: row.version + 1,
    value: row.value,
    valueBool: row.valueBool,
    status: row.status,
    source: row.source,
    comment: ctx.reason ?? row.comment,
    evidenceUrl: row.evidenceUrl,
    deleted: true,
    changedBy: ctx.actor,
    validFrom: now,
  });
  return gone;
}
