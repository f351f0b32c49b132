/** Read queries of the plan structure; presenters turn their rows into API shapes. */
import { and, asc, count, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import {
  indicatorAssignments,
  initiatives,
  orgUnits,
  phaseFocusItems,
  phases,
  planIndicators,
  planRoles,
  plans,
  projectInitiatives,
  projects,
  roleAssignments,
  systems,
  users,
} from "../../db/schema/index.js";
import { notFound } from "../core/errors.js";
import { afterCursor, type SortKey } from "../core/http/pagination.js";

export type PlanRow = typeof plans.$inferSelect;

export async function getPlanByCode(db: Executor, code: string): Promise<PlanRow> {
  const [row] = await db.select().from(plans).where(eq(plans.code, code));
  if (!row) throw notFound("plan", code);
  return row;
}

/** The plan with this code, if there is one. */
export async function planByCode(db: Executor, code: string): Promise<PlanRow | undefined> {
  const [row] = await db.select().from(plans).where(eq(plans.code, code));
  return row;
}

export async function listPlans(db: Executor, limit: number, after: SortKey | undefined) {
  const where = afterCursor([sql`${plans.code}`], after);
  const rows = await db
    .select()
    .from(plans)
    .where(where)
    .orderBy(asc(plans.code))
    .limit(limit + 1);
  const [total] = await db.select({ n: count() }).from(plans);
  return { rows, total: total?.n ?? 0 };
}

export async function planCounts(db: Executor, planIds: string[]) {
  const counts = new Map<string, { systems: number; initiatives: number; indicators: number }>();
  if (planIds.length === 0) return counts;
  for (const id of planIds) counts.set(id, { systems: 0, initiatives: 0, indicators: 0 });
  const bump = (rows: { planId: string; n: number }[], key: "systems" | "initiatives" | "indicators") => {
    for (const r of rows) {
      const c = counts.get(r.planId);
      if (c) c[key] = Number(r.n);
    }
  };
  bump(
    await db
      .select({ planId: systems.planId, n: count() })
      .from(systems)
      .where(inArray(systems.planId, planIds))
      .groupBy(systems.planId),
    "systems",
  );
  bump(
    await db
      .select({ planId: initiatives.planId, n: count() })
      .from(initiatives)
      .where(inArray(initiatives.planId, planIds))
      .groupBy(initiatives.planId),
    "initiatives",
  );
  bump(
    await db
      .select({ planId: planIndicators.planId, n: count() })
      .from(planIndicators)
      .where(inArray(planIndicators.planId, planIds))
      .groupBy(planIndicators.planId),
    "indicators",
  );
  return counts;
}

export async function planPhasesAndRoles(db: Executor, planId: string) {
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
  const roleRows = await db
    .select()
    .from(planRoles)
    .where(eq(planRoles.planId, planId))
    .orderBy(asc(planRoles.seq));
  return { phaseRows, focusRows, roleRows };
}

/** id -> code maps for systems, initiatives and org units of a plan (small: used by presenters). */
export async function planCodeMaps(db: Executor, planId: string) {
  const sys = await db
    .select({ id: systems.id, code: systems.code })
    .from(systems)
    .where(eq(systems.planId, planId));
  const ini = await db
    .select({ id: initiatives.id, code: initiatives.code })
    .from(initiatives)
    .where(eq(initiatives.planId, planId));
  return {
    system: new Map(sys.map((r) => [r.id, r.code])),
    initiative: new Map(ini.map((r) => [r.id, r.code])),
  };
}

export async function unitCodes(db: Executor, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: orgUnits.id, code: orgUnits.code })
    .from(orgUnits)
    .where(inArray(orgUnits.id, wanted));
  return new Map(rows.map((r) => [r.id, r.code]));
}

export async function listSystems(db: Executor, planId: string, limit: number, after: SortKey | undefined) {
  const rows = await db
    .select()
    .from(systems)
    .where(
      and(eq(systems.planId, planId), afterCursor([sql`${systems.number}`, sql`${systems.code}`], after)),
    )
    .orderBy(asc(systems.number), asc(systems.code))
    .limit(limit + 1);
  const [total] = await db.select({ n: count() }).from(systems).where(eq(systems.planId, planId));
  return { rows, total: total?.n ?? 0 };
}

export async function systemExtras(db: Executor, systemIds: string[]) {
  const byInitiative = systemIds.length
    ? await db
        .select({ systemId: initiatives.systemId, code: initiatives.code, number: initiatives.number })
        .from(initiatives)
        .where(inArray(initiatives.systemId, systemIds))
        .orderBy(asc(initiatives.number))
    : [];
  const indicatorCounts = systemIds.length
    ? await db
        .select({ systemId: indicatorAssignments.systemId, n: count() })
        .from(indicatorAssignments)
        .where(inArray(indicatorAssignments.systemId, systemIds))
        .groupBy(indicatorAssignments.systemId)
    : [];
  // The Chief Engineer of a system is a public office of the plan: their name and unit, never the account.
  const chiefEngineers = systemIds.length
    ? await db
        .select({ systemId: roleAssignments.systemId, displayName: users.displayName, unit: orgUnits.code })
        .from(roleAssignments)
        .innerJoin(users, eq(users.id, roleAssignments.userId))
        .leftJoin(orgUnits, eq(orgUnits.id, users.unitId))
        .where(
          and(
            eq(roleAssignments.role, "chief_engineer"),
            inArray(roleAssignments.systemId, systemIds),
            isNull(roleAssignments.revokedAt),
            eq(users.status, "active"),
          ),
        )
        .orderBy(asc(users.displayName))
    : [];
  return { byInitiative, indicatorCounts, chiefEngineers };
}

export async function getSystem(db: Executor, planId: string, code: string) {
  const [row] = await db
    .select()
    .from(systems)
    .where(and(eq(systems.planId, planId), eq(systems.code, code)));
  if (!row) throw notFound("system", code);
  return row;
}

export interface InitiativeFilter {
  systemId?: string;
}

export async function listInitiatives(
  db: Executor,
  planId: string,
  filter: InitiativeFilter,
  limit: number,
  after: SortKey | undefined,
) {
  const base = and(
    eq(initiatives.planId, planId),
    filter.systemId ? eq(initiatives.systemId, filter.systemId) : undefined,
  );
  const rows = await db
    .select()
    .from(initiatives)
    .where(and(base, afterCursor([sql`${initiatives.number}`, sql`${initiatives.code}`], after)))
    .orderBy(asc(initiatives.number), asc(initiatives.code))
    .limit(limit + 1);
  const [total] = await db.select({ n: count() }).from(initiatives).where(base);
  return { rows, total: total?.n ?? 0 };
}

export async function getInitiative(db: Executor, planId: string, code: string) {
  const [row] = await db
    .select()
    .from(initiatives)
    .where(and(eq(initiatives.planId, planId), eq(initiatives.code, code)));
  if (!row) throw notFound("initiative", code);
  return row;
}

export async function initiativeExtras(db: Executor, planId: string, initiativeIds: string[]) {
  const phaseRows = await db
    .select({ code: phases.code, initiativeIds: phaseFocusItems.initiativeIds })
    .from(phaseFocusItems)
    .innerJoin(phases, eq(phases.id, phaseFocusItems.phaseId))
    .where(eq(phases.planId, planId))
    .orderBy(asc(phases.seq));
  const projectRows = initiativeIds.length
    ? await db
        .select({ initiativeId: projectInitiatives.initiativeId, code: projects.code })
        .from(projectInitiatives)
        .innerJoin(projects, eq(projects.id, projectInitiatives.projectId))
        .where(inArray(projectInitiatives.initiativeId, initiativeIds))
    : [];
  return { phaseRows, projectRows };
}

export async function listProjects(db: Executor, planId: string, limit: number, after: SortKey | undefined) {
  const rows = await db
    .select()
    .from(projects)
    .where(and(eq(projects.planId, planId), afterCursor([sql`${projects.code}`], after)))
    .orderBy(asc(projects.code))
    .limit(limit + 1);
  const [total] = await db.select({ n: count() }).from(projects).where(eq(projects.planId, planId));
  const links = rows.length
    ? await db
        .select({ projectId: projectInitiatives.projectId, code: initiatives.code })
        .from(projectInitiatives)
        .innerJoin(initiatives, eq(initiatives.id, projectInitiatives.initiativeId))
        .where(
          inArray(
            projectInitiatives.projectId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return { rows, total: total?.n ?? 0, links };
}

/** A project of a plan with the codes of its system, initiatives and owner unit (404 when unknown). */
export async function getProjectWithRefs(db: Executor, planId: string, code: string) {
  const [found] = await db
    .select({ row: projects, system: systems.code, ownerUnit: orgUnits.code })
    .from(projects)
    .leftJoin(systems, eq(systems.id, projects.systemId))
    .leftJoin(orgUnits, eq(orgUnits.id, projects.ownerUnitId))
    .where(and(eq(projects.planId, planId), eq(projects.code, code)));
  if (!found) throw notFound("project", code);
  const links = await db
    .select({ code: initiatives.code })
    .from(projectInitiatives)
    .innerJoin(initiatives, eq(initiatives.id, projectInitiatives.initiativeId))
    .where(eq(projectInitiatives.projectId, found.row.id))
    .orderBy(asc(initiatives.number));
  return { ...found, initiatives: links.map((l) => l.code) };
}

/** An initiative of a plan with its system's code (404 when unknown). */
export async function getInitiativeWithSystem(db: Executor, planId: string, code: string) {
  const [row] = await db
    .select({ row: initiatives, system: systems.code })
    .from(initiatives)
    .innerJoin(systems, eq(systems.id, initiatives.systemId))
    .where(and(eq(initiatives.planId, planId), eq(initiatives.code, code)));
  if (!row) throw notFound("initiative", code);
  return row;
}

/** The plan's systems and initiatives with their names and titles, by id (small: for the roadmap). */
export async function planStructureNames(db: Executor, planId: string) {
  const sys = await db
    .select({ id: systems.id, code: systems.code, nameVi: systems.nameVi, nameEn: systems.nameEn })
    .from(systems)
    .where(eq(systems.planId, planId));
  const ini = await db
    .select({
      id: initiatives.id,
      code: initiatives.code,
      systemId: initiatives.systemId,
      titleVi: initiatives.titleVi,
      titleEn: initiatives.titleEn,
      shortTitleVi: initiatives.shortTitleVi,
      shortTitleEn: initiatives.shortTitleEn,
    })
    .from(initiatives)
    .where(eq(initiatives.planId, planId));
  return { systems: new Map(sys.map((r) => [r.id, r])), initiatives: new Map(ini.map((r) => [r.id, r])) };
}
export type PlanStructureNames = Awaited<ReturnType<typeof planStructureNames>>;
