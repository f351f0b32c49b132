/** Maps plan-structure rows to the API shapes in schema.ts. */
import type { z } from "zod";
import { loc, optLoc } from "../../contracts/common.js";
import type {
  initiatives,
  phaseFocusItems,
  phases,
  planRoles,
  projects,
  systems,
} from "../../db/schema/index.js";
import { outputKinds } from "../../domain/plan-definition/schema.js";
import type { PlanRow, PlanStructureNames } from "./queries.js";
import type * as S from "./schema.js";

type Counts = { systems: number; initiatives: number; indicators: number };

export function presentPlanSummary(p: PlanRow, counts: Counts | undefined): z.output<typeof S.planSummary> {
  return {
    code: p.code,
    name: loc(p.nameVi, p.nameEn),
    shortName: optLoc(p.shortNameVi, p.shortNameEn),
    documentNumber: p.documentNumber,
    issuedOn: p.issuedOn,
    startYear: p.startYear,
    endYear: p.endYear,
    status: p.status,
    counts: counts ?? { systems: 0, initiatives: 0, indicators: 0 },
  };
}

export function presentPlanDetail(
  p: PlanRow,
  counts: Counts | undefined,
  parts: {
    phaseRows: (typeof phases.$inferSelect)[];
    focusRows: (typeof phaseFocusItems.$inferSelect)[];
    roleRows: (typeof planRoles.$inferSelect)[];
  },
  codes: { system: Map<string, string>; initiative: Map<string, string>; unit: Map<string, string> },
): z.output<typeof S.planDetail> {
  const code = (m: Map<string, string>) => (id: string) => m.get(id) ?? id;
  return {
    ...presentPlanSummary(p, counts),
    issuedBy: optLoc(p.issuedByVi, p.issuedByEn),
    description: optLoc(p.descriptionVi, p.descriptionEn),
    generalObjective: optLoc(p.generalObjectiveVi, p.generalObjectiveEn),
    statusThresholds: p.statusThresholds
      ? { onTrack: p.statusThresholds.onTrack, offTrack: p.statusThresholds.offTrack }
      : null,
    phases: parts.phaseRows.map((ph) => ({
      code: ph.code,
      name: loc(ph.nameVi, ph.nameEn),
      startYear: ph.startYear,
      endYear: ph.endYear,
      summary: optLoc(ph.summaryVi, ph.summaryEn),
      focus: parts.focusRows
        .filter((f) => f.phaseId === ph.id)
        .map((f) => ({
          title: loc(f.titleVi, f.titleEn),
          description: optLoc(f.descriptionVi, f.descriptionEn),
          systems: f.systemIds.map(code(codes.system)),
          initiatives: f.initiativeIds.map(code(codes.initiative)),
        })),
    })),
    roles: parts.roleRows.map((r) => ({
      code: r.code,
      name: loc(r.nameVi, r.nameEn),
      sourceRef: r.sourceRef,
      responsibilities: r.responsibilities.map((x) => loc(x.vi, x.en)),
      units: r.unitIds.map(code(codes.unit)),
      reporting: optLoc(r.reportingVi, r.reportingEn),
    })),
  };
}

export function presentSystem(
  s: typeof systems.$inferSelect,
  initiativeCodes: string[],
  indicatorCount: number,
  chiefEngineers: { displayName: string; unit: string | null }[] = [],
): z.output<typeof S.system> {
  return {
    code: s.code,
    number: s.number,
    kind: s.kind === "special_projects" ? "special_projects" : "strategic",
    name: loc(s.nameVi, s.nameEn),
    mainContent: optLoc(s.mainContentVi, s.mainContentEn),
    strategicRole: optLoc(s.strategicRoleVi, s.strategicRoleEn),
    initiatives: initiativeCodes,
    indicatorCount,
    chiefEngineers: chiefEngineers.map((c) => ({ name: c.displayName, unit: c.unit })),
    retired: s.retiredAt !== null,
  };
}

export function presentInitiative(
  i: typeof initiatives.$inferSelect,
  ctx: { systemCode: string; leadUnit: string | null; phases: string[]; projects: string[] },
): z.output<typeof S.initiative> {
  return {
    code: i.code,
    number: i.number,
    system: ctx.systemCode,
    title: loc(i.titleVi, i.titleEn),
    shortTitle: optLoc(i.shortTitleVi, i.shortTitleEn),
    objective: optLoc(i.objectiveVi, i.objectiveEn),
    content: optLoc(i.contentVi, i.contentEn),
    outputs: i.outputs.map((o) => ({
      title: loc(o.vi, o.en ?? null),
      kind: outputKinds.find((k) => k === o.kind) ?? null,
      proposed: o.proposed === true,
    })),
    leadUnit: ctx.leadUnit,
    focusInPhases: ctx.phases,
    projects: ctx.projects,
    retired: i.retiredAt !== null,
  };
}

export function presentProject(
  p: typeof projects.$inferSelect,
  ctx: { systemCode: string | null; initiatives: string[]; ownerUnit: string | null },
): z.output<typeof S.project> {
  return {
    code: p.code,
    kind: p.kind,
    name: loc(p.nameVi, p.nameEn),
    description: optLoc(p.descriptionVi, p.descriptionEn),
    system: ctx.systemCode,
    initiatives: ctx.initiatives,
    ownerUnit: ctx.ownerUnit,
    hasStdxComponent: p.hasStdxComponent,
    chiefArchitect: p.chiefArchitect,
    reportsTo: p.reportsTo,
    retired: p.retiredAt !== null,
  };
}

/** The roadmap: phases in order, each focus item with the systems and initiatives it names. */
export function presentRoadmap(
  p: PlanRow,
  parts: {
    phaseRows: (typeof phases.$inferSelect)[];
    focusRows: (typeof phaseFocusItems.$inferSelect)[];
  },
  names: PlanStructureNames,
): z.output<typeof S.roadmap> {
  const system = (id: string) => names.systems.get(id);
  return {
    plan: { code: p.code, name: loc(p.nameVi, p.nameEn), startYear: p.startYear, endYear: p.endYear },
    phases: parts.phaseRows.map((ph) => ({
      code: ph.code,
      name: loc(ph.nameVi, ph.nameEn),
      startYear: ph.startYear,
      endYear: ph.endYear,
      summary: optLoc(ph.summaryVi, ph.summaryEn),
      focus: parts.focusRows
        .filter((f) => f.phaseId === ph.id)
        .map((f) => ({
          title: loc(f.titleVi, f.titleEn),
          description: optLoc(f.descriptionVi, f.descriptionEn),
          systems: f.systemIds
            .map(system)
            .filter((s) => s !== undefined)
            .map((s) => ({ code: s.code, name: loc(s.nameVi, s.nameEn) })),
          initiatives: f.initiativeIds
            .map((id) => names.initiatives.get(id))
            .filter((i) => i !== undefined)
            .map((i) => ({
              code: i.code,
              system: (i.systemId && system(i.systemId)?.code) || null,
              title: loc(i.titleVi, i.titleEn),
              shortTitle: optLoc(i.shortTitleVi, i.shortTitleEn),
            })),
        })),
    })),
  };
}
