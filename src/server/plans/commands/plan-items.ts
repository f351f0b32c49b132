/**
 * Adding and changing a plan's systems, initiatives, projects and indicators one at a time (the plan's
 * Standing Office): each goes through the plan-definition import with the plan's own fields.
 */
import type { Db } from "../../../db/client.js";
import type { PlanDefinition } from "../../../domain/plan-definition/schema.js";
import type { Principal } from "../../access/index.js";
import type { ChangeContext } from "../../core/change-context.js";
import {
  initiativeDefinition,
  planShell,
  projectDefinition,
  systemDefinition,
} from "../current-definition.js";
import { type ImportSummary, importPlanDefinition } from "../import-plan.js";
import {
  getInitiativeWithSystem,
  getPlanByCode,
  getProjectWithRefs,
  getSystem,
  type PlanRow,
  unitCodes,
} from "../queries.js";
import { requirePlanAdmin } from "./plan-admin.js";

type Part = Pick<Partial<PlanDefinition>, "systems" | "initiatives" | "projects" | "indicators">;
type SystemPatch = Partial<PlanDefinition["systems"][number]>;
type InitiativePatch = Partial<PlanDefinition["initiatives"][number]>;
type ProjectPatch = Partial<PlanDefinition["projects"][number]>;

async function administeredPlan(db: Db, principal: Principal, planCode: string): Promise<PlanRow> {
  const plan = await getPlanByCode(db, planCode);
  requirePlanAdmin(principal, plan.id);
  return plan;
}

const importPart = (db: Db, plan: PlanRow, part: Part, ctx: ChangeContext) =>
  importPlanDefinition(db, { ...planShell(plan), ...part }, ctx);

/** Adds (or replaces, by code) systems, initiatives, projects or indicators of the plan. */
export async function addToPlan(
  db: Db,
  principal: Principal,
  planCode: string,
  part: Part,
  ctx: ChangeContext,
): Promise<ImportSummary> {
  return importPart(db, await administeredPlan(db, principal, planCode), part, ctx);
}

export async function changeSystem(
  db: Db,
  principal: Principal,
  planCode: string,
  code: string,
  patch: SystemPatch,
  ctx: (systemCode: string) => ChangeContext,
): Promise<ImportSummary> {
  const plan = await administeredPlan(db, principal, planCode);
  const s = await getSystem(db, plan.id, code);
  return importPart(db, plan, { systems: [{ ...systemDefinition(s), ...patch }] }, ctx(s.code));
}

export async function changeInitiative(
  db: Db,
  principal: Principal,
  planCode: string,
  code: string,
  patch: InitiativePatch,
  ctx: (initiativeCode: string) => ChangeContext,
): Promise<ImportSummary> {
  const plan = await administeredPlan(db, principal, planCode);
  const { row, system } = await getInitiativeWithSystem(db, plan.id, code);
  const lead = row.leadUnitId ? (await unitCodes(db, [row.leadUnitId])).get(row.leadUnitId) : undefined;
  const current = initiativeDefinition(row, system, lead);
  return importPart(db, plan, { initiatives: [{ ...current, ...patch }] }, ctx(row.code));
}

export async function changeProject(
  db: Db,
  principal: Principal,
  planCode: string,
  code: string,
  patch: ProjectPatch,
  ctx: (projectCode: string) => ChangeContext,
): Promise<ImportSummary> {
  const plan = await administeredPlan(db, principal, planCode);
  const found = await getProjectWithRefs(db, plan.id, code);
  const current = projectDefinition(found.row, {
    system: found.system ?? undefined,
    initiatives: found.initiatives,
    ownerUnit: found.ownerUnit ?? undefined,
  });
  return importPart(db, plan, { projects: [{ ...current, ...patch }] }, ctx(found.row.code));
}
