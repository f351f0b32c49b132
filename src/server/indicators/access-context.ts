/**
 * The one loader of what the indicator policies read (access/policies/indicators.ts): the plans
 * that own (defined) the indicator, which administer its definition, and every plan tracking it,
 * each of which sets its own targets for it.
 */
import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { indicators, planIndicators } from "../../db/schema/index.js";
import type { IndicatorContext } from "../access/index.js";

export async function loadIndicatorContext(db: Executor, code: string): Promise<IndicatorContext> {
  const rows = await db
    .select({ planId: planIndicators.planId, owner: planIndicators.owner })
    .from(planIndicators)
    .innerJoin(indicators, eq(planIndicators.indicatorId, indicators.id))
    .where(eq(indicators.code, code));
  return {
    ownerPlanIds: rows.filter((r) => r.owner).map((r) => r.planId),
    planIds: rows.map((r) => r.planId),
  };
}
