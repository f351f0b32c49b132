/** The SQL of the Excel template: the plan's indicators at a frequency, and a unit's current values of them. */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.js";
import { indicators, observations, planIndicators } from "../../../db/schema/index.js";

/** The plan's current operational indicators reported at `frequency`, by code. */
export function templateIndicators(db: Executor, planCode: string, frequency: string) {
  return db
    .select({
      id: indicators.id,
      code: indicators.code,
      nameVi: indicators.nameVi,
      unit: indicators.unit,
      direction: indicators.direction,
      kind: indicators.kind,
      reportedBy: indicators.reportedBy,
      responsibleUnitId: indicators.responsibleUnitId,
    })
    .from(indicators)
    .innerJoin(planIndicators, eq(planIndicators.indicatorId, indicators.id))
    .where(
      and(
        sql`${planIndicators.planId} = (select id from plans where code = ${planCode})`,
        eq(indicators.tier, "operational"),
        sql`${indicators.frequency} = ${frequency}`,
        sql`${indicators.retiredAt} is null`,
      ),
    )
    .orderBy(asc(indicators.code));
}

/** The current values (no disaggregation) of a unit and period for some indicators. */
export async function currentUnitValues(
  db: Executor,
  unitId: string,
  period: string,
  indicatorIds: string[],
) {
  if (indicatorIds.length === 0) return [];
  return db
    .select()
    .from(observations)
    .where(
      and(
        eq(observations.orgUnitId, unitId),
        eq(observations.period, period),
        eq(observations.disaggKey, ""),
        sql`${observations.deletedAt} is null`,
        inArray(observations.indicatorId, indicatorIds),
      ),
    );
}
