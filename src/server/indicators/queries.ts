/** Read queries of the indicator catalogue. */
import { and, asc, count, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import {
  entityVersions,
  indicatorAssignments,
  indicatorLinks,
  indicators,
  indicatorTargets,
  initiatives,
  orgUnits,
  planIndicators,
  plans,
  projects,
  systems,
} from "../../db/schema/index.js";
import { notFound } from "../core/errors.js";
import { afterCursor, type SortKey } from "../core/http/pagination.js";

export type IndicatorRow = typeof indicators.$inferSelect;

/** Tiers in their natural order: objectives first, operational indicators last. */
const tierRank = sql<number>`(case ${indicators.tier} when 'objective' then 1 when 'target' then 2 when 'kpi' then 3 else 4 end)`;

export function tierRankOf(tier: string): number {
  return { objective: 1, target: 2, kpi: 3, operational: 4 }[tier] ?? 4;
}

export interface PlanIndicatorFilter {
  planId: string;
  tier?: string;
  systemId?: string;
  initiativeId?: string;
  proposed?: boolean;
  published?: boolean;
}

export async function listPlanIndicators(
  db: Executor,
  f: PlanIndicatorFilter,
  limit: number,
  after: SortKey | undefined,
) {
  const conds: (SQL | undefined)[] = [
    sql`${indicators.id} in (select indicator_id from plan_indicators where plan_id = ${f.planId})`,
    f.tier ? eq(indicators.tier, f.tier) : undefined,
    f.systemId
      ? sql`${indicators.id} in (select indicator_id from indicator_assignments where system_id = ${f.systemId})`
      : undefined,
    f.initiativeId
      ? sql`${indicators.id} in (select indicator_id from indicator_assignments where initiative_id = ${f.initiativeId})`
      : undefined,
    f.proposed !== undefined ? eq(indicators.proposed, f.proposed) : undefined,
    f.published !== undefined ? eq(indicators.published, f.published) : undefined,
  ];
  const where = and(...conds);
  const rows = await db
    .select()
    .from(indicators)
    .where(and(where, afterCursor([tierRank, sql`${indicators.code}`], after)))
    .orderBy(tierRank, asc(indicators.code))
    .limit(limit + 1);
  const [total] = await db.select({ n: count() }).from(indicators).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function getIndicatorByCode(db: Executor, code: string): Promise<IndicatorRow> {
  const [row] = await db.select().from(indicators).where(eq(indicators.code, code));
  if (!row) throw notFound("indicator", code);
  return row;
}

/** Everything presenters need about a page of indicators, in a fixed number of queries. */
export async function indicatorRelations(db: Executor, ids: string[], planId?: string) {
  if (ids.length === 0)
    return {
      targets: [],
      parents: [],
      children: [],
      plansOf: [],
      assignments: [],
      units: new Map<string, string>(),
    };
  const targets = await db
    .select({ t: indicatorTargets, planCode: plans.code, unitCode: orgUnits.code })
    .from(indicatorTargets)
    .innerJoin(plans, eq(plans.id, indicatorTargets.planId))
    .leftJoin(orgUnits, eq(orgUnits.id, indicatorTargets.orgUnitId))
    .where(
      and(
        inArray(indicatorTargets.indicatorId, ids),
        isNull(indicatorTargets.retiredAt),
        planId ? eq(indicatorTargets.planId, planId) : undefined,
      ),
    )
    .orderBy(asc(indicatorTargets.year), sql`${orgUnits.code} asc nulls first`);
  const parents = await db
    .select({ childId: indicatorLinks.childId, code: indicators.code, weight: indicatorLinks.weight })
    .from(indicatorLinks)
    .innerJoin(indicators, eq(indicators.id, indicatorLinks.parentId))
    .where(inArray(indicatorLinks.childId, ids))
    .orderBy(asc(indicators.code));
  const children = await db
    .select({ parentId: indicatorLinks.parentId, code: indicators.code })
    .from(indicatorLinks)
    .innerJoin(indicators, eq(indicators.id, indicatorLinks.childId))
    .where(inArray(indicatorLinks.parentId, ids))
    .orderBy(asc(indicators.code));
  const plansOf = await db
    .select({ indicatorId: planIndicators.indicatorId, code: plans.code })
    .from(planIndicators)
    .innerJoin(plans, eq(plans.id, planIndicators.planId))
    .where(inArray(planIndicators.indicatorId, ids))
    .orderBy(asc(plans.code));
  const assignments = await db
    .select({
      indicatorId: indicatorAssignments.indicatorId,
      system: systems.code,
      systemNumber: systems.number,
      initiative: initiatives.code,
      initiativeNumber: initiatives.number,
      project: projects.code,
    })
    .from(indicatorAssignments)
    .leftJoin(systems, eq(systems.id, indicatorAssignments.systemId))
    .leftJoin(initiatives, eq(initiatives.id, indicatorAssignments.initiativeId))
    .leftJoin(projects, eq(projects.id, indicatorAssignments.projectId))
    .where(
      and(
        inArray(indicatorAssignments.indicatorId, ids),
        planId ? eq(indicatorAssignments.planId, planId) : undefined,
      ),
    );
  const unitIds = [
    ...new Set(
      (
        await db
          .select({ u: indicators.responsibleUnitId })
          .from(indicators)
          .where(inArray(indicators.id, ids))
      )
        .map((r) => r.u)
        .filter((x): x is string => !!x),
    ),
  ];
  const unitRows = unitIds.length
    ? await db
        .select({ id: orgUnits.id, code: orgUnits.code })
        .from(orgUnits)
        .where(inArray(orgUnits.id, unitIds))
    : [];
  return {
    targets,
    parents,
    children,
    plansOf,
    assignments,
    units: new Map(unitRows.map((u) => [u.id, u.code])),
  };
}

export type IndicatorRelations = Awaited<ReturnType<typeof indicatorRelations>>;

export async function indicatorHistory(
  db: Executor,
  indicatorId: string,
  limit: number,
  after: SortKey | undefined,
) {
  // Newest first: the cursor holds (changed_at as text, id) of the last row shown.
  const where = eq(entityVersions.indicatorId, indicatorId);
  const cursorCond = after
    ? sql`(to_char(${entityVersions.changedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), ${entityVersions.id}::text) < (${after[0]}, ${after[1]})`
    : undefined;
  const rows = await db
    .select({
      v: entityVersions,
      sortTime: sql<string>`to_char(${entityVersions.changedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
      targetYear: indicatorTargets.year,
      targetPlan: plans.code,
      targetUnit: orgUnits.code,
    })
    .from(entityVersions)
    .leftJoin(
      indicatorTargets,
      and(eq(entityVersions.entityType, "target"), eq(indicatorTargets.id, entityVersions.entityId)),
    )
    .leftJoin(plans, eq(plans.id, indicatorTargets.planId))
    .leftJoin(orgUnits, eq(orgUnits.id, indicatorTargets.orgUnitId))
    .where(and(where, cursorCond))
    .orderBy(desc(entityVersions.changedAt), desc(sql`${entityVersions.id}::text`))
    .limit(limit + 1);
  const [total] = await db.select({ n: count() }).from(entityVersions).where(where);
  return { rows, total: total?.n ?? 0 };
}

/** The plans tracking an indicator, and whether each owns (defined) it. */
export async function indicatorPlanLinks(db: Executor, code: string) {
  return db
    .select({ planId: planIndicators.planId, owner: planIndicators.owner })
    .from(planIndicators)
    .innerJoin(indicators, eq(planIndicators.indicatorId, indicators.id))
    .where(eq(indicators.code, code));
}

/** The milestone rule in SQL: the twin of isMilestoneIndicator in domain/indicator-values.ts. */
export const milestoneIndicatorSql: SQL = sql`(${indicators.direction} = 'milestone' or ${indicators.kind} = 'milestone')`;
