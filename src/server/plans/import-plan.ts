/**
 * Import (create or update) a plan from a plan definition, in one transaction. Used by the
 * first-start seed (NQ57), `npm run cli -- plan:import FILE` and, with the access issue,
 * `POST /api/v1/plans`. Re-importing the same definition changes nothing and writes no versions.
 * Items absent from the file are kept, not deleted: retiring is an explicit administrative act.
 */
import { createHash } from "node:crypto";
import type { Db, Tx } from "../../db/client.js";
import type { PlanDefinition } from "../../domain/plan-definition/schema.js";
import { audit } from "../core/audit-writer.js";
import type { ChangeContext } from "../core/change-context.js";
import { detailAt, invalidFile, type ParsedFile } from "../core/definition-files.js";
import { checkPlanDefinition } from "./check-plan-definition.js";
import {
  existingItemCodes,
  loadCatalogue,
  orgUnitIdsByCode,
  referencedIndicatorCodes,
} from "./plan-import/catalogue.js";
import { importIndicators } from "./plan-import/indicators.js";
import { writePlanStructure } from "./plan-import/structure.js";
import type { ImportSummary } from "./plan-import/summary.js";
import { planByCode } from "./queries.js";

export type { ImportSummary } from "./plan-import/summary.js";

export function definitionHash(def: PlanDefinition): string {
  return createHash("sha256").update(JSON.stringify(def)).digest("hex");
}

export async function importPlanDefinition(
  db: Db | Tx,
  def: PlanDefinition,
  ctx: ChangeContext,
  file?: ParsedFile,
): Promise<ImportSummary> {
  // Validate everything first so that a bad file writes nothing.
  const unitId = await orgUnitIdsByCode(db);
  const catalogue = await loadCatalogue(db, referencedIndicatorCodes(def));
  const existingPlan = await planByCode(db, def.code);
  const existing = await existingItemCodes(db, existingPlan?.id);
  const problems = checkPlanDefinition(def, {
    orgUnitCodes: new Set(unitId.keys()),
    catalogue,
    existing,
  });
  if (problems.length > 0) {
    const noFile: ParsedFile = { data: def, lineOf: () => undefined };
    throw invalidFile(problems.map((p) => detailAt(file ?? noFile, p.path, p.vi, p.en)));
  }

  const hash = definitionHash(def);
  const summary: ImportSummary = {
    plan: def.code,
    created: !existingPlan,
    unchanged: existingPlan?.definitionHash === hash,
    counts: {
      phases: def.phases.length,
      systems: def.systems.length,
      initiatives: def.initiatives.length,
      projects: def.projects.length,
      tasks: def.tasks.length,
      roles: def.roles.length,
      indicatorsCreated: 0,
      indicatorsUpdated: 0,
      indicatorsUnchanged: 0,
      targetsCreated: 0,
      targetsUpdated: 0,
      linkedIndicators: def.linkIndicators.length,
    },
  };
  if (summary.unchanged) {
    summary.counts.indicatorsUnchanged = def.indicators.length;
    return summary;
  }
  const uid = (code: string | undefined): string | null => (code ? (unitId.get(code) ?? null) : null);

  await db.transaction(async (tx) => {
    const refs = await writePlanStructure(tx, def, hash, uid);
    await importIndicators(tx, def, refs, ctx, summary);
    // A bulk operation is one audit entry: what was imported, how much, and the file's hash.
    await audit(tx, ctx, {
      action: summary.created ? "plan.create" : "plan.update",
      entityType: "plan",
      entityId: def.code,
      after: { counts: summary.counts, reason: ctx.reason ?? null },
      rowCount:
        def.phases.length +
        def.systems.length +
        def.initiatives.length +
        def.projects.length +
        def.tasks.length +
        def.roles.length +
        def.indicators.length,
      fileHash: hash,
    });
  });
  return summary;
}
