/**
 * Moving a value through its states, each a command that, in one transaction, locks the value,
 * loads its context, authorizes, checks the expected version, writes a revision, rolls up,
 * announces and audits (before and after):
 *   submit   draft → submitted       the reporting unit's approver
 *   recall   submitted → draft       the reporting unit's approver, while not yet approved
 *   approve  submitted → approved    a reviewer (Standing Office, the system's Chief Engineer, administrators)
 *   return   submitted/approved → draft, with a reason (required), a reviewer
 * Revising (revise-value.ts) and deleting (delete-value.ts) follow the same steps.
 */
import type { Db } from "../../../../db/client.js";
import type { Principal } from "../../../access/index.js";
import { authorize } from "../../../access/index.js";
import { audit } from "../../../core/audit-writer.js";
import type { ChangeContext } from "../../../core/change-context.js";
import { AppError } from "../../../core/errors.js";
import { inTransaction } from "../../../core/transaction.js";
import { commitObservationChanges } from "../commit.js";
import type { ObservationRow, Transition } from "../model.js";
import { transitionObservation } from "../transition.js";
import { readableValue } from "../value-context.js";
import { expectVersion } from "../version.js";
import { valueSnapshot } from "./audit-entry.js";

/** 400: a return without a reason (the unit is told why its value came back; the reason is kept on the revision). */
export function returnReasonRequired(): AppError {
  const vi = "trả lại số liệu phải kèm lý do";
  const en = "a value is returned with a reason";
  return new AppError(
    "VALIDATION_FAILED",
    { summary: `body.reason: ${vi}`, summaryEn: `body.reason: ${en}` },
    [{ path: "body.reason", message: vi, messageEn: en }],
  );
}

export interface StateChange {
  reason?: string | undefined;
  expectedVersion?: number | undefined;
}

export async function changeValueState(
  db: Db,
  principal: Principal,
  id: string,
  action: Transition,
  change: StateChange,
  ctx: ChangeContext,
): Promise<ObservationRow> {
  return inTransaction(db, async (tx) => {
    const { row, ctx: v } = await readableValue(tx, principal, id, true);
    authorize(principal, `observation.${action}`, v);
    // After the access checks: who may not return the value learns nothing about it.
    if (action === "return" && !ctx.reason?.trim()) throw returnReasonRequired();
    expectVersion(row, change.expectedVersion);
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
