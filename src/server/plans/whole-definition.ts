/**
 * The whole plan as a definition file, rebuilt from its rows (GET /plans/{code}/definition): what
 * an administrator downloads, edits and uploads again at /admin/plan-file. Its items' fragments for
 * one-at-a-time changes are in current-definition.ts.
 */
import type { z } from "zod";
import type { plans } from "../../db/schema/index.js";
import type {
  indicatorDef,
  initiativeOutputDef,
  PlanDefinitionInput,
  projectDef,
  systemDef,
  targetValueDef,
} from "../../domain/plan-definition/schema.js";
import type { PlanDefinitionRows } from "./definition-rows.js";

type SystemInput = z.input<typeof systemDef>;
type ProjectInput = z.input<typeof projectDef>;
type IndicatorInput = z.input<typeof indicatorDef>;
type TargetValueInput = z.input<typeof targetValueDef>;
type OutputInput = z.input<typeof initiativeOutputDef>;

/** Text as a file writes it: a bare string when it has no English form. */
const text = (vi: string | null, en: string | null): string | { vi: string; en: string } | undefined =>
  vi ? (en ? { vi, en } : vi) : undefined;

/** Leaves out what a file would leave out (absent values), so the YAML reads like a hand-written one. */
function present<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}

const codesOf = (ids: Iterable<string | null>, code: ReadonlyMap<string, string>): string[] =>
  [...ids].flatMap((id) => {
    const c = id ? code.get(id) : undefined;
    return c ? [c] : [];
  });

/**
 * The plan as a definition file, from its rows: what an administrator downloads, edits and uploads
 * again. Re-importing it unchanged changes no indicator or target. Retired systems, initiatives,
 * projects and indicators are left out (an import would bring back what it names); what refers to
 * them keeps their codes, which the import still resolves.
 */
export function currentPlanDefinition(
  plan: typeof plans.$inferSelect,
  rows: PlanDefinitionRows,
): PlanDefinitionInput {
  const unit = (id: string | null) => (id ? rows.unitCode.get(id) : undefined);
  const systemCode = new Map(rows.systemRows.map((s) => [s.id, s.code]));
  const initiativeCode = new Map(rows.initiativeRows.map((r) => [r.id, r.code]));
  const projectCode = new Map(rows.projectRows.map((r) => [r.id, r.code]));
  const live = <T extends { retiredAt: Date | null }>(list: T[]) => list.filter((r) => r.retiredAt === null);

  const assigned = (indicatorId: string) => {
    const mine = rows.assignmentRows.filter((a) => a.indicatorId === indicatorId);
    return {
      systems: codesOf(
        mine.map((a) => a.systemId),
        systemCode,
      ),
      initiatives: codesOf(
        mine.map((a) => a.initiativeId),
        initiativeCode,
      ),
      projects: codesOf(
        mine.map((a) => a.projectId),
        projectCode,
      ),
    };
  };
  const targetsOf = (indicatorId: string) =>
    rows.targetRows
      .filter((t) => t.indicatorId === indicatorId)
      .map((t) => ({ row: t, orgUnit: unit(t.orgUnitId) }))
      // National targets first, then units' own, each by year.
      .sort((a, b) => (a.orgUnit ?? "").localeCompare(b.orgUnit ?? "") || a.row.year - b.row.year)
      .map(({ row: t, orgUnit }) =>
        present({
          year: t.year,
          orgUnit,
          comparator: t.comparator as TargetValueInput["comparator"],
          value: t.value,
          valueMax: t.valueMax,
          achieved: t.achieved,
          note: text(t.noteVi, t.noteEn),
        }),
      ) as TargetValueInput[];

  const indicators: IndicatorInput[] = [];
  const linkIndicators: NonNullable<PlanDefinitionInput["linkIndicators"]> = [];
  for (const { indicator: r, owner } of rows.tracked) {
    const a = assigned(r.id);
    if (!owner) {
      linkIndicators.push(
        a.systems.length || a.initiatives.length
          ? { code: r.code, systems: a.systems, initiatives: a.initiatives }
          : r.code,
      );
      continue;
    }
    const parents = rows.parentRows
      .filter((p) => p.childId === r.id)
      .map((p) => (p.weight === 1 ? p.code : { code: p.code, weight: p.weight }));
    indicators.push(
      present({
        code: r.code,
        tier: r.tier as IndicatorInput["tier"],
        name: text(r.nameVi, r.nameEn) ?? r.code,
        definition: text(r.definitionVi, r.definitionEn),
        unit: text(r.unit, r.unitEn),
        direction: r.direction as IndicatorInput["direction"],
        kind: r.kind as IndicatorInput["kind"],
        baseline:
          r.baselineValue !== null && r.baselineYear !== null
            ? { value: r.baselineValue, year: r.baselineYear }
            : undefined,
        targets: targetsOf(r.id),
        dataSource: text(r.dataSourceVi, r.dataSourceEn),
        responsibleUnit: unit(r.responsibleUnitId),
        reportedBy: r.reportedBy as IndicatorInput["reportedBy"],
        bounds:
          r.boundMin !== null || r.boundMax !== null
            ? present({ min: r.boundMin, max: r.boundMax })
            : undefined,
        forecastMinPoints: r.forecastMinPoints,
        frequency: r.frequency as IndicatorInput["frequency"],
        aggregation: r.aggregation as IndicatorInput["aggregation"],
        aggregationComponents: r.aggregationComponents ? present(r.aggregationComponents) : undefined,
        timeAggregation: r.timeAggregation as IndicatorInput["timeAggregation"],
        disaggregations: r.disaggregations,
        formula: r.formula,
        published: r.published,
        proposed: r.proposed,
        sourceQuote: r.sourceQuote,
        sourceRef: r.sourceRef,
        ...a,
        parents,
      }) as IndicatorInput,
    );
  }

  const focusOf = (phaseId: string) =>
    rows.focusRows
      .filter((f) => f.phaseId === phaseId)
      .map((f) =>
        present({
          title: text(f.titleVi, f.titleEn) ?? "",
          description: text(f.descriptionVi, f.descriptionEn),
          systems: codesOf(f.systemIds, systemCode),
          initiatives: codesOf(f.initiativeIds, initiativeCode),
        }),
      );

  return present({
    code: plan.code,
    name: text(plan.nameVi, plan.nameEn) ?? plan.code,
    shortName: text(plan.shortNameVi, plan.shortNameEn),
    documentNumber: plan.documentNumber,
    issuedBy: text(plan.issuedByVi, plan.issuedByEn),
    issuedOn: plan.issuedOn,
    startYear: plan.startYear,
    endYear: plan.endYear,
    baselineYear: plan.baselineYear,
    statusThresholds: plan.statusThresholds,
    description: text(plan.descriptionVi, plan.descriptionEn),
    generalObjective: text(plan.generalObjectiveVi, plan.generalObjectiveEn),
    phases: rows.phaseRows.map((p) =>
      present({
        code: p.code,
        name: text(p.nameVi, p.nameEn) ?? p.code,
        startYear: p.startYear,
        endYear: p.endYear,
        summary: text(p.summaryVi, p.summaryEn),
        focus: focusOf(p.id),
      }),
    ),
    systems: live(rows.systemRows).map((s) =>
      present({
        code: s.code,
        number: s.number,
        kind: s.kind as SystemInput["kind"],
        name: text(s.nameVi, s.nameEn) ?? s.code,
        mainContent: text(s.mainContentVi, s.mainContentEn),
        strategicRole: text(s.strategicRoleVi, s.strategicRoleEn),
      }),
    ),
    initiatives: live(rows.initiativeRows).map((r) =>
      present({
        code: r.code,
        number: r.number,
        system: systemCode.get(r.systemId) ?? "",
        title: text(r.titleVi, r.titleEn) ?? r.code,
        shortTitle: text(r.shortTitleVi, r.shortTitleEn),
        objective: text(r.objectiveVi, r.objectiveEn),
        content: text(r.contentVi, r.contentEn),
        outputs: r.outputs.length
          ? r.outputs.map((o) =>
              present({
                title: text(o.vi, o.en ?? null) ?? "",
                kind: o.kind as OutputInput["kind"],
                proposed: o.proposed ? true : undefined,
              }),
            )
          : undefined,
        leadUnit: unit(r.leadUnitId),
      }),
    ),
    projects: live(rows.projectRows).map((p) =>
      present({
        code: p.code,
        kind: p.kind as ProjectInput["kind"],
        name: text(p.nameVi, p.nameEn) ?? p.code,
        description: text(p.descriptionVi, p.descriptionEn),
        system: p.systemId ? systemCode.get(p.systemId) : undefined,
        initiatives: codesOf(
          rows.projectLinks.filter((l) => l.projectId === p.id).map((l) => l.initiativeId),
          initiativeCode,
        ),
        ownerUnit: unit(p.ownerUnitId),
        hasStdxComponent: p.hasStdxComponent,
        chiefArchitect: p.chiefArchitect,
        reportsTo: p.reportsTo as ProjectInput["reportsTo"],
      }),
    ),
    tasks: rows.taskRows.map((t) =>
      present({
        code: t.code,
        title: text(t.titleVi, t.titleEn) ?? t.code,
        description: text(t.descriptionVi, t.descriptionEn),
        initiative: t.initiativeId ? initiativeCode.get(t.initiativeId) : undefined,
        project: t.projectId ? projectCode.get(t.projectId) : undefined,
        leadUnit: unit(t.leadUnitId),
        dueDate: t.dueDate,
        output: text(t.outputVi, t.outputEn),
      }),
    ),
    roles: rows.roleRows.map((r) =>
      present({
        code: r.code,
        name: text(r.nameVi, r.nameEn) ?? r.code,
        sourceRef: r.sourceRef,
        responsibilities: r.responsibilities.map((x) => text(x.vi, x.en ?? null) ?? ""),
        units: codesOf(r.unitIds, rows.unitCode),
        reporting: text(r.reportingVi, r.reportingEn),
      }),
    ),
    indicators,
    linkIndicators,
  }) as PlanDefinitionInput;
}
