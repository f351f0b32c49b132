/** Maps indicator rows and their relations to the API shapes in schema.ts. */
import type { z } from "zod";
import { loc, optLoc } from "../../contracts/common.js";
import type { comparators } from "../../domain/plan-definition/schema.js";
import type { IndicatorRelations, IndicatorRow } from "./queries.js";
import type * as S from "./schema.js";

type Indicator = z.output<typeof S.indicator>;

export function presentIndicator(row: IndicatorRow, rel: IndicatorRelations): Indicator {
  const mine = rel.assignments.filter((a) => a.indicatorId === row.id);
  const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))];
  return {
    code: row.code,
    tier: row.tier as Indicator["tier"],
    name: loc(row.nameVi, row.nameEn),
    definition: optLoc(row.definitionVi, row.definitionEn),
    unit: optLoc(row.unit, row.unitEn),
    direction: row.direction as Indicator["direction"],
    kind: row.kind as Indicator["kind"],
    baseline:
      row.baselineValue !== null && row.baselineYear !== null
        ? { value: row.baselineValue, year: row.baselineYear }
        : null,
    targets: rel.targets
      .filter((t) => t.t.indicatorId === row.id)
      .map(({ t, planCode, unitCode }) => ({
        plan: planCode,
        year: t.year,
        orgUnit: unitCode,
        comparator: t.comparator as (typeof comparators)[number],
        value: t.value,
        valueMax: t.valueMax,
        achieved: t.achieved,
        note: optLoc(t.noteVi, t.noteEn),
        version: t.version,
      })),
    dataSource: optLoc(row.dataSourceVi, row.dataSourceEn),
    responsibleUnit: row.responsibleUnitId ? (rel.units.get(row.responsibleUnitId) ?? null) : null,
    reportedBy: row.reportedBy as Indicator["reportedBy"],
    bounds: { min: row.boundMin, max: row.boundMax },
    forecastMinPoints: row.forecastMinPoints,
    frequency: row.frequency as Indicator["frequency"],
    aggregation: row.aggregation as Indicator["aggregation"],
    aggregationComponents: row.aggregationComponents ?? null,
    timeAggregation: row.timeAggregation ?? null,
    disaggregations: row.disaggregations ?? null,
    formula: row.formula,
    published: row.published,
    proposed: row.proposed,
    sourceQuote: row.sourceQuote,
    sourceRef: row.sourceRef,
    parents: rel.parents.filter((p) => p.childId === row.id).map((p) => ({ code: p.code, weight: p.weight })),
    children: rel.children.filter((c) => c.parentId === row.id).map((c) => c.code),
    plans: rel.plansOf.filter((p) => p.indicatorId === row.id).map((p) => p.code),
    systems: uniq(mine.sort((a, b) => (a.systemNumber ?? 0) - (b.systemNumber ?? 0)).map((a) => a.system)),
    initiatives: uniq(
      [...mine]
        .sort((a, b) => (a.initiativeNumber ?? 0) - (b.initiativeNumber ?? 0))
        .map((a) => a.initiative),
    ),
    projects: uniq(mine.map((a) => a.project)),
    version: row.version,
    retired: row.retiredAt !== null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
