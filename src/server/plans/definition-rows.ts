/**
 * Every row a plan's current definition is rebuilt from (current-definition.ts turns them into a
 * file): the plan's live structure, the indicators it defines or links, their parents,
 * assignments and live targets, and the codes their ids stand for.
 */
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import {
  indicatorAssignments,
  indicatorLinks,
  indicators,
  indicatorTargets,
  initiatives,
  orgUnits,
  phaseFocusItems,
  phases,
  planIndicators,
  planRoles,
  type plans,
  projectInitiatives,
  projects,
  systems,
  tasks,
} from "../../db/schema/index.js";

export async function planDefinitionRows(db: Executor, plan: typeof plans.$inferSelect) {
  const planId = plan.id;
  // Retired systems, initiatives and projects are loaded too: their codes name what live items
  // still refer to (current-definition.ts leaves them out of the file).
  const systemRows = await db
    .select()
    .from(systems)
    .where(eq(systems.planId, planId))
    .orderBy(asc(systems.number), asc(systems.code));
  const initiativeRows = await db
    .select()
    .from(initiatives)
    .where(eq(initiatives.planId, planId))
    .orderBy(asc(initiatives.number), asc(initiatives.code));
  const projectRows = await db
    .select()
    .from(projects)
    .where(eq(projects.planId, planId))
    .orderBy(asc(projects.code));
  const projectIds = projectRows.map((p) => p.id);
  const projectLinks = projectIds.length
    ? await db.select().from(projectInitiatives).where(inArray(projectInitiatives.projectId, projectIds))
    : [];
  const phaseRows = await db.select().from(phases).where(eq(phases.planId, planId)).orderBy(asc(phases.seq));
  const focusRows = phaseRows.length
    ? await db
        .select()
        .from(phaseFocusItems)
        .where(
          inArray(
            phaseFocusItems.phaseId,
            phaseRows.map((p) => p.id),
          ),
        )
        .orderBy(asc(phaseFocusItems.seq))
    : [];
  const taskRows = await db.select().from(tasks).where(eq(tasks.planId, planId)).orderBy(asc(tasks.code));
  const roleRows = await db
    .select()
    .from(planRoles)
    .where(eq(planRoles.planId, planId))
    .orderBy(asc(planRoles.seq));

  const tracked = await db
    .select({ indicator: indicators, owner: planIndicators.owner })
    .from(planIndicators)
    .innerJoin(indicators, eq(indicators.id, planIndicators.indicatorId))
    .where(and(eq(planIndicators.planId, planId), isNull(indicators.retiredAt)))
    .orderBy(asc(indicators.code));
  const indicatorIds = tracked.map((r) => r.indicator.id);
  const parentRows = indicatorIds.length
    ? await db
        .select({ childId: indicatorLinks.childId, code: indicators.code, weight: indicatorLinks.weight })
        .from(indicatorLinks)
        .innerJoin(indicators, eq(indicators.id, indicatorLinks.parentId))
        .where(inArray(indicatorLinks.childId, indicatorIds))
        .orderBy(asc(indicators.code))
    : [];
  const assignmentRows = await db
    .select()
    .from(indicatorAssignments)
    .where(eq(indicatorAssignments.planId, planId));
  const targetRows = await db
    .select()
    .from(indicatorTargets)
    .where(and(eq(indicatorTargets.planId, planId), isNull(indicatorTargets.retiredAt)))
    .orderBy(asc(indicatorTargets.year));
  const unitRows = await db.select({ id: orgUnits.id, code: orgUnits.code }).from(orgUnits);

  return {
    systemRows,
    initiativeRows,
    projectRows,
    projectLinks,
    phaseRows,
    focusRows,
    taskRows,
    roleRows,
    tracked,
    parentRows,
    assignmentRows,
    targetRows,
    unitCode: new Map(unitRows.map((u) => [u.id, u.code])),
  };
}

export type PlanDefinitionRows = Awaited<ReturnType<typeof planDefinitionRows>>;
