/**
 * Plan items as definition-file fragments, built from their rows: a structural change made over
 * HTTP is imported through the same plan-definition import as a whole file (one validation, one
 * transaction, versions and audit), so a patch is applied to the item's current definition.
 */

import type { z } from "zod";
import type { initiatives, plans, projects, systems } from "../../db/schema/index.js";
import {
  initiativeDef,
  type PlanDefinition,
  planDefinition,
  projectDef,
  systemDef,
} from "../../domain/plan-definition/schema.js";

type SystemDef = z.output<typeof systemDef>;
type InitiativeDef = z.output<typeof initiativeDef>;
type ProjectDef = z.output<typeof projectDef>;

const loc = (vi: string | null, en: string | null) => (vi ? { vi, ...(en ? { en } : {}) } : undefined);

/** A definition holding the plan's own fields, to import one structural item through. */
export function planShell(plan: typeof plans.$inferSelect): PlanDefinition {
  return planDefinition.parse({
    code: plan.code,
    name: { vi: plan.nameVi, ...(plan.nameEn ? { en: plan.nameEn } : {}) },
    ...(plan.shortNameVi
      ? { shortName: { vi: plan.shortNameVi, ...(plan.shortNameEn ? { en: plan.shortNameEn } : {}) } }
      : {}),
    ...(plan.documentNumber ? { documentNumber: plan.documentNumber } : {}),
    ...(plan.issuedByVi
      ? { issuedBy: { vi: plan.issuedByVi, ...(plan.issuedByEn ? { en: plan.issuedByEn } : {}) } }
      : {}),
    ...(plan.issuedOn ? { issuedOn: plan.issuedOn } : {}),
    startYear: plan.startYear,
    endYear: plan.endYear,
    ...(plan.baselineYear !== null ? { baselineYear: plan.baselineYear } : {}),
    ...(plan.statusThresholds ? { statusThresholds: plan.statusThresholds } : {}),
    ...(plan.descriptionVi
      ? { description: { vi: plan.descriptionVi, ...(plan.descriptionEn ? { en: plan.descriptionEn } : {}) } }
      : {}),
    ...(plan.generalObjectiveVi
      ? {
          generalObjective: {
            vi: plan.generalObjectiveVi,
            ...(plan.generalObjectiveEn ? { en: plan.generalObjectiveEn } : {}),
          },
        }
      : {}),
  });
}

export function systemDefinition(s: typeof systems.$inferSelect): SystemDef {
  return systemDef.parse({
    code: s.code,
    number: s.number,
    kind: s.kind,
    name: loc(s.nameVi, s.nameEn),
    ...(s.mainContentVi ? { mainContent: loc(s.mainContentVi, s.mainContentEn) } : {}),
    ...(s.strategicRoleVi ? { strategicRole: loc(s.strategicRoleVi, s.strategicRoleEn) } : {}),
  });
}

export function initiativeDefinition(
  r: typeof initiatives.$inferSelect,
  systemCode: string,
  leadUnitCode: string | undefined,
): InitiativeDef {
  return initiativeDef.parse({
    ...(leadUnitCode ? { leadUnit: leadUnitCode } : {}),
    code: r.code,
    number: r.number,
    system: systemCode,
    title: loc(r.titleVi, r.titleEn),
    ...(r.shortTitleVi ? { shortTitle: loc(r.shortTitleVi, r.shortTitleEn) } : {}),
    ...(r.objectiveVi ? { objective: loc(r.objectiveVi, r.objectiveEn) } : {}),
    ...(r.contentVi ? { content: loc(r.contentVi, r.contentEn) } : {}),
    ...(r.outputs.length > 0
      ? {
          outputs: r.outputs.map((o) => ({
            title: loc(o.vi, o.en ?? null),
            ...(o.kind ? { kind: o.kind } : {}),
            ...(o.proposed ? { proposed: true } : {}),
          })),
        }
      : {}),
  });
}

/** A project's current definition, with the codes of what it refers to (resolved by the caller). */
export function projectDefinition(
  p: typeof projects.$inferSelect,
  refs: { system: string | undefined; initiatives: string[]; ownerUnit: string | undefined },
): ProjectDef {
  return projectDef.parse({
    code: p.code,
    kind: p.kind,
    name: loc(p.nameVi, p.nameEn),
    ...(p.descriptionVi ? { description: loc(p.descriptionVi, p.descriptionEn) } : {}),
    ...(refs.system ? { system: refs.system } : {}),
    initiatives: refs.initiatives,
    ...(refs.ownerUnit ? { ownerUnit: refs.ownerUnit } : {}),
    hasStdxComponent: p.hasStdxComponent,
    ...(p.chiefArchitect ? { chiefArchitect: p.chiefArchitect } : {}),
    ...(p.reportsTo ? { reportsTo: p.reportsTo } : {}),
  });
}
