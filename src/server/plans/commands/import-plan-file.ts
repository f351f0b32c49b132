/**
 * Creating or updating a plan from a whole plan-definition file over HTTP: the plan's Standing
 * Office (or an administrator) updates it, an administrator creates one. A dry run imports inside
 * a transaction that is then rolled back, so it reports exactly what the import would do.
 */
import type { Db } from "../../../db/client.js";
import type { PlanDefinition } from "../../../domain/plan-definition/schema.js";
import { authorize, type Principal } from "../../access/index.js";
import type { ChangeContext } from "../../core/change-context.js";
import type { ParsedFile } from "../../core/definition-files.js";
import { AppError } from "../../core/errors.js";
import { inTransaction } from "../../core/transaction.js";
import { type ImportSummary, importPlanDefinition } from "../import-plan.js";
import { planByCode } from "../queries.js";
import { requirePlanAdmin } from "./plan-admin.js";

class Rollback extends Error {}

export async function importPlanFile(
  db: Db,
  principal: Principal,
  def: PlanDefinition,
  file: ParsedFile,
  opts: { dryRun: boolean },
  ctx: ChangeContext,
): Promise<ImportSummary> {
  const existing = await planByCode(db, def.code);
  if (existing) requirePlanAdmin(principal, existing.id);
  else authorize(principal, "plan.create", null);
  if (!opts.dryRun) return importPlanDefinition(db, def, ctx, file);
  let summary: ImportSummary | undefined;
  await inTransaction(db, async (tx) => {
    // Audit entries of a dry run are rolled back: none is anchored.
    summary = await importPlanDefinition(tx, def, { ...ctx, onAudit: undefined }, file);
    throw new Rollback();
  }).catch((err: unknown) => {
    if (!(err instanceof Rollback)) throw err;
  });
  if (!summary) throw new AppError("INTERNAL");
  return summary;
}
