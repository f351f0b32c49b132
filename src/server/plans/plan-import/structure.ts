/**
 * The plan's own row and its structure (systems, initiatives, phases with their focus items,
 * projects, tasks, roles), written inside the import's transaction. Items are upserted by code;
 * items absent from the file are kept.
 */
import { eq } from "drizzle-orm";
import type { Tx } from "../../../db/client.js";
import {
  initiatives,
  phaseFocusItems,
  phases,
  planRoles,
  plans,
  projectInitiatives,
  projects,
  systems,
  tasks,
} from "../../../db/schema/index.js";
import type { PlanDefinition } from "../../../domain/plan-definition/schema.js";
import { AppError } from "../../core/errors.js";

/** Ids of what the structure import wrote, by code, for the indicators that refer to them. */
export interface StructureRefs {
  planId: string;
  sysId: (code: string) => string;
  initiativeIds: Map<string, string>;
  projectIds: Map<string, string>;
  uid: (code: string | undefined) => string | null;
}

export async function writePlanStructure(
  tx: Tx,
  def: PlanDefinition,
  hash: string,
  uid: (code: string | undefined) => string | null,
): Promise<StructureRefs> {
  const planValues = {
    code: def.code,
    nameVi: def.name.vi,
    nameEn: def.name.en ?? null,
    shortNameVi: def.shortName?.vi ?? null,
    shortNameEn: def.shortName?.en ?? null,
    documentNumber: def.documentNumber ?? null,
    issuedByVi: def.issuedBy?.vi ?? null,
    issuedByEn: def.issuedBy?.en ?? null,
    issuedOn: def.issuedOn ?? null,
    startYear: def.startYear,
    endYear: def.endYear,
    baselineYear: def.baselineYear ?? null,
    statusThresholds: def.statusThresholds ?? null,
    descriptionVi: def.description?.vi ?? null,
    descriptionEn: def.description?.en ?? null,
    generalObjectiveVi: def.generalObjective?.vi ?? null,
    generalObjectiveEn: def.generalObjective?.en ?? null,
    definitionHash: hash,
    updatedAt: new Date(),
  };
  const [plan] = await tx
    .insert(plans)
    .values(planValues)
    .onConflictDoUpdate({ target: plans.code, set: planValues })
    .returning({ id: plans.id });
  if (!plan) throw new AppError("INTERNAL");
  const planId = plan.id;

  const systemIds = new Map<string, string>();
  for (const s of def.systems) {
    const v = {
      planId,
      code: s.code,
      number: s.number,
      kind: s.kind,
      nameVi: s.name.vi,
      nameEn: s.name.en ?? null,
      mainContentVi: s.mainContent?.vi ?? null,
      mainContentEn: s.mainContent?.en ?? null,
      strategicRoleVi: s.strategicRole?.vi ?? null,
      strategicRoleEn: s.strategicRole?.en ?? null,
      updatedAt: new Date(),
      retiredAt: null,
    };
    const [row] = await tx
      .insert(systems)
      .values(v)
      .onConflictDoUpdate({ target: [systems.planId, systems.code], set: v })
      .returning({ id: systems.id });
    if (row) systemIds.set(s.code, row.id);
  }
  for (const r of await tx
    .select({ id: systems.id, code: systems.code })
    .from(systems)
    .where(eq(systems.planId, planId)))
    systemIds.set(r.code, r.id);
  const sysId = (code: string): string => {
    const id = systemIds.get(code);
    if (!id) throw new AppError("INVALID_REFERENCE", { summary: `system ${code}` });
    return id;
  };

  for (const it of def.initiatives) {
    const v = {
      planId,
      systemId: sysId(it.system),
      code: it.code,
      number: it.number,
      titleVi: it.title.vi,
      titleEn: it.title.en ?? null,
      shortTitleVi: it.shortTitle?.vi ?? null,
      shortTitleEn: it.shortTitle?.en ?? null,
      objectiveVi: it.objective?.vi ?? null,
      objectiveEn: it.objective?.en ?? null,
      contentVi: it.content?.vi ?? null,
      contentEn: it.content?.en ?? null,
      outputs: (it.outputs ?? []).map((o) => ({
        vi: o.title.vi,
        ...(o.title.en ? { en: o.title.en } : {}),
        ...(o.kind ? { kind: o.kind } : {}),
        ...(o.proposed ? { proposed: true } : {}),
      })),
      leadUnitId: uid(it.leadUnit),
      updatedAt: new Date(),
      retiredAt: null,
    };
    await tx
      .insert(initiatives)
      .values(v)
      .onConflictDoUpdate({ target: [initiatives.planId, initiatives.code], set: v });
  }
  const initiativeIds = new Map(
    (
      await tx
        .select({ id: initiatives.id, code: initiatives.code })
        .from(initiatives)
        .where(eq(initiatives.planId, planId))
    ).map((r) => [r.code, r.id] as const),
  );

  for (const [seq, p] of def.phases.entries()) {
    const v = {
      planId,
      code: p.code,
      seq: seq + 1,
      nameVi: p.name.vi,
      nameEn: p.name.en ?? null,
      startYear: p.startYear,
      endYear: p.endYear,
      summaryVi: p.summary?.vi ?? null,
      summaryEn: p.summary?.en ?? null,
      updatedAt: new Date(),
    };
    const [row] = await tx
      .insert(phases)
      .values(v)
      .onConflictDoUpdate({ target: [phases.planId, phases.code], set: v })
      .returning({ id: phases.id });
    if (!row) continue;
    // Focus items are part of the phase's definition: replaced as a whole.
    await tx.delete(phaseFocusItems).where(eq(phaseFocusItems.phaseId, row.id));
    if (p.focus.length > 0)
      await tx.insert(phaseFocusItems).values(
        p.focus.map((f, i) => ({
          phaseId: row.id,
          seq: i + 1,
          titleVi: f.title.vi,
          titleEn: f.title.en ?? null,
          descriptionVi: f.description?.vi ?? null,
          descriptionEn: f.description?.en ?? null,
          systemIds: f.systems.map(sysId),
          initiativeIds: f.initiatives.map((c) => initiativeIds.get(c) ?? ""),
        })),
      );
  }

  for (const p of def.projects) {
    const v = {
      planId,
      code: p.code,
      kind: p.kind,
      nameVi: p.name.vi,
      nameEn: p.name.en ?? null,
      descriptionVi: p.description?.vi ?? null,
      descriptionEn: p.description?.en ?? null,
      systemId: p.system ? sysId(p.system) : null,
      ownerUnitId: uid(p.ownerUnit),
      hasStdxComponent: p.hasStdxComponent,
      chiefArchitect: p.chiefArchitect ?? null,
      reportsTo: p.reportsTo ?? null,
      updatedAt: new Date(),
      retiredAt: null,
    };
    const [row] = await tx
      .insert(projects)
      .values(v)
      .onConflictDoUpdate({ target: [projects.planId, projects.code], set: v })
      .returning({ id: projects.id });
    if (!row) continue;
    await tx.delete(projectInitiatives).where(eq(projectInitiatives.projectId, row.id));
    const links = p.initiatives.map((c) => initiativeIds.get(c)).filter((x): x is string => !!x);
    if (links.length > 0)
      await tx
        .insert(projectInitiatives)
        .values(links.map((initiativeId) => ({ projectId: row.id, initiativeId })));
  }
  const projectIds = new Map(
    (
      await tx
        .select({ id: projects.id, code: projects.code })
        .from(projects)
        .where(eq(projects.planId, planId))
    ).map((r) => [r.code, r.id] as const),
  );

  for (const t of def.tasks) {
    const v = {
      planId,
      code: t.code,
      titleVi: t.title.vi,
      titleEn: t.title.en ?? null,
      descriptionVi: t.description?.vi ?? null,
      descriptionEn: t.description?.en ?? null,
      initiativeId: t.initiative ? (initiativeIds.get(t.initiative) ?? null) : null,
      projectId: t.project ? (projectIds.get(t.project) ?? null) : null,
      leadUnitId: uid(t.leadUnit),
      dueDate: t.dueDate ?? null,
      outputVi: t.output?.vi ?? null,
      outputEn: t.output?.en ?? null,
      updatedAt: new Date(),
    };
    await tx
      .insert(tasks)
      .values(v)
      .onConflictDoUpdate({ target: [tasks.planId, tasks.code], set: v });
  }

  for (const [seq, r] of def.roles.entries()) {
    const v = {
      planId,
      code: r.code,
      seq: seq + 1,
      nameVi: r.name.vi,
      nameEn: r.name.en ?? null,
      sourceRef: r.sourceRef ?? null,
      responsibilities: r.responsibilities.map((x) => (x.en ? { vi: x.vi, en: x.en } : { vi: x.vi })),
      unitIds: r.units.map((c) => uid(c) ?? ""),
      reportingVi: r.reporting?.vi ?? null,
      reportingEn: r.reporting?.en ?? null,
    };
    await tx
      .insert(planRoles)
      .values(v)
      .onConflictDoUpdate({ target: [planRoles.planId, planRoles.code], set: v });
  }
  return { planId, sysId, initiativeIds, projectIds, uid };
}
