/**
 * A reviewer corrects an official (approved) figure, in one transaction: the value locked, its
 * context loaded, the reviewer authorized, the expected version checked, the new figure checked;
 * then a new approved revision, roll-ups, change batch, and the reason audited.
 */
import type { Db } from "../../../../db/client.js";
import { revisable } from "../../../../domain/value-rules.js";
import type { Principal } from "../../../access/index.js";
import { authorize } from "../../../access/index.js";
import { audit } from "../../../core/audit-writer.js";
import type { ChangeContext } from "../../../core/change-context.js";
import { AppError } from "../../../core/errors.js";
import { inTransaction } from "../../../core/transaction.js";
import { checkObservation } from "../check.js";
import { commitObservationChanges } from "../commit.js";
import type { ObservationRow } from "../model.js";
import { loadRefs, unitRef } from "../queries.js";
import { readableValue } from "../value-context.js";
import { expectVersion } from "../version.js";
import { writeObservation } from "../write.js";
import { valueSnapshot } from "./audit-entry.js";
import type { StateChange } from "./change-state.js";
import { invalidInput } from "./value-errors.js";

export interface Revision extends StateChange {
  reason: string;
  value: number | boolean;
  source?: string | null | undefined;
  comment?: string | null | undefined;
  evidenceUrl?: string | null | undefined;
}

export async function reviseValue(
  db: Db,
  principal: Principal,
  id: string,
  revision: Revision,
  ctx: ChangeContext,
): Promise<ObservationRow> {
  return inTransaction(db, async (tx) => {
    const { row, ctx: v } = await readableValue(tx, principal, id, true);
    authorize(principal, "observation.revise", v);
    if (!revisable(row.status)) throw new AppError("INVALID_STATE", { state: row.status, action: "revise" });
    expectVersion(row, revision.expectedVersion);
    const unit = await unitRef(tx, row.orgUnitId);
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
    const refs = await loadRefs(tx, [input]);
    // The period is the value's own: its checks (kind, reporting window) are not the reviewer's to meet.
    const problems = checkObservation(input, refs, "body.").filter((p) => !p.path?.endsWith("period"));
    if (problems.length > 0) throw invalidInput(problems);
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
