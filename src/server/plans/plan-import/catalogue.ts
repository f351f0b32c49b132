/** What a plan definition is checked against: the indicators it refers to, already in the catalogue. */
import { eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../../../db/client.js";
import {
  indicators,
  initiatives,
  orgUnits,
  planIndicators,
  plans,
  projects,
  systems,
} from "../../../db/schema/index.js";
import { parseFormula, references } from "../../../domain/formula/parse.js";
import type { PlanDefinition } from "../../../domain/plan-definition/schema.js";
import type { CatalogueEntry } from "../check-plan-definition.js";

export async function loadCatalogue(db: Db | Tx, codes: string[]): Promise<Map<string, CatalogueEntry>> {
  const map = new Map<string, CatalogueEntry>();
  if (codes.length === 0) return map;
  const rows = await db
    .select({
      id: indicators.id,
      code: indicators.code,
      tier: indicators.tier,
      planCode: plans.code,
      owner: planIndicators.owner,
    })
    .from(indicators)
    .leftJoin(planIndicators, eq(planIndicators.indicatorId, indicators.id))
    .leftJoin(plans, eq(plans.id, planIndicators.planId))
    .where(inArray(indicators.code, codes));
  for (const r of rows) {
    const entry = map.get(r.code) ?? { id: r.id, tier: r.tier, ownerPlans: [] };
    if (r.owner && r.planCode) entry.ownerPlans.push(r.planCode);
    map.set(r.code, entry);
  }
  return map;
}

export function referencedIndicatorCodes(def: PlanDefinition): string[] {
  const codes = new Set<string>();
  for (const ind of def.indicators) {
    codes.add(ind.code);
    if (ind.formula)
      try {
        for (const r of references(parseFormula(ind.formula))) codes.add(r);
      } catch {
        // A formula that does not parse is reported by the checks.
      }
    for (const p of ind.parents) codes.add(p.code);
    const c = ind.aggregationComponents;
    for (const v of [c?.numerator, c?.denominator, c?.weight]) if (v) codes.add(v);
  }
  for (const l of def.linkIndicators) codes.add(l.code);
  return [...codes];
}

/** Every org unit's id by its code. */
export async function orgUnitIdsByCode(db: Db | Tx): Promise<Map<string, string>> {
  const unitRows = await db.select({ id: orgUnits.id, code: orgUnits.code }).from(orgUnits);
  return new Map(unitRows.map((u) => [u.code, u.id]));
}

/** The codes of the plan's systems, initiatives and projects already stored (none for a new plan). */
export async function existingItemCodes(db: Db | Tx, planId: string | undefined) {
  const codesOf = (rows: { code: string }[]) => new Set(rows.map((r) => r.code));
  const planId0 = planId ?? "00000000-0000-0000-0000-000000000000";
  return {
    systems: codesOf(
      await db.select({ code: systems.code }).from(systems).where(eq(systems.planId, planId0)),
    ),
    initiatives: codesOf(
      await db.select({ code: initiatives.code }).from(initiatives).where(eq(initiatives.planId, planId0)),
    ),
    projects: codesOf(
      await db.select({ code: projects.code }).from(projects).where(eq(projects.planId, planId0)),
    ),
  };
}
