/**
 * What dashboards read: a plan's indicator catalogue (specs, parsed formulas, targets, links,
 * systems) and roll-up cells — never raw values.
 */
import type { Executor } from "../../db/client.js";
import {
  type Comparator,
  DEFAULT_THRESHOLDS,
  type StatusThresholds,
  type TargetKind,
} from "../../domain/assessment/assess.js";
import { FormulaError, parseFormula } from "../../domain/formula/parse.js";
import type { CellSource, CellSummary, IndicatorSpec, UnitRule } from "../../domain/indicator-values.js";
import type { OverviewIndicator, OverviewSystem, TargetRow } from "../../domain/overview.js";
import type { Layer } from "../../domain/rollup.js";
import * as Q from "./queries.js";

export interface CatalogueIndicator extends OverviewIndicator {
  id: string;
  published: boolean;
  proposed: boolean;
  systemIds: string[];
  systemCodes: string[];
  /** Unit-specific targets (org unit id → rows). */
  unitTargets: Map<string, TargetRow[]>;
}

export interface Catalogue {
  planId: string;
  /** The plan's status thresholds (chance of meeting a target). */
  thresholds: StatusThresholds;
  byCode: Map<string, CatalogueIndicator>;
  byId: Map<string, CatalogueIndicator>;
  specs: Map<string, IndicatorSpec>;
  systems: (OverviewSystem & { id: string })[];
}

const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

export async function loadCatalogue(db: Executor, planId: string): Promise<Catalogue> {
  const rows = await Q.catalogueIndicators(db, planId);
  const targets = await Q.catalogueTargets(db, planId);
  const links = await Q.catalogueLinks(db, planId);
  const assignments = await Q.catalogueSystemAssignments(db, planId);
  const systemRows = await Q.catalogueSystems(db, planId);
  const thresholds = (await Q.catalogueThresholds(db, planId)) ?? DEFAULT_THRESHOLDS;
  const byId = new Map<string, CatalogueIndicator>();
  const byCode = new Map<string, CatalogueIndicator>();
  const specs = new Map<string, IndicatorSpec>();
  for (const r of rows) {
    let formula = null;
    if (r.formula)
      try {
        formula = parseFormula(r.formula);
      } catch (err) {
        if (!(err instanceof FormulaError)) throw err;
      }
    const spec: IndicatorSpec = {
      code: r.code,
      frequency: r.frequency,
      aggregation: r.aggregation as UnitRule,
      timeAggregation: r.timeAggregation,
      components: r.aggregationComponents,
      formula,
    };
    const ind: CatalogueIndicator = {
      id: r.id,
      code: r.code,
      tier: r.tier,
      nameVi: r.nameVi,
      nameEn: r.nameEn,
      unit: r.unit ? { vi: r.unit, en: r.unitEn } : null,
      baseline: num(r.baselineValue),
      baselineYear: r.baselineYear,
      bounds: { min: num(r.boundMin), max: num(r.boundMax) },
      minPoints: r.forecastMinPoints,
      targets: [],
      spec,
      measuredBy: [],
      published: r.published,
      proposed: r.proposed,
      systemIds: [],
      systemCodes: [],
      unitTargets: new Map(),
    };
    byId.set(r.id, ind);
    byCode.set(r.code, ind);
    specs.set(r.code, spec);
  }
  const kindOf = (ind: CatalogueIndicator, raw: Q.CatalogueIndicatorRow | undefined): TargetKind => {
    const k = raw?.kind;
    if (k === "range" || k === "rank" || k === "growth_rate" || k === "milestone" || k === "qualitative")
      return k;
    return ind.tier === "target" && raw?.direction === "milestone" ? "milestone" : "value";
  };
  const rawById = new Map(rows.map((r) => [r.id, r]));
  for (const t of targets) {
    const ind = byId.get(t.indicatorId);
    if (!ind) continue;
    const row: TargetRow = {
      kind: kindOf(ind, rawById.get(t.indicatorId)),
      comparator: t.comparator as Comparator,
      year: t.year,
      value: num(t.value),
      valueMax: num(t.valueMax),
      achieved: t.achieved,
      note: t.noteVi,
    };
    if (t.orgUnitId === null) ind.targets.push(row);
    else {
      const list = ind.unitTargets.get(t.orgUnitId) ?? [];
      list.push(row);
      ind.unitTargets.set(t.orgUnitId, list);
    }
  }
  for (const l of links) {
    const parent = byId.get(l.parentId);
    const child = byId.get(l.childId);
    if (parent && child) parent.measuredBy.push({ code: child.code, weight: Number(l.weight) });
  }
  const systemCode = new Map(systemRows.map((s) => [s.id, s.code]));
  const systems = systemRows.map((s) => ({
    id: s.id,
    code: s.code,
    nameVi: s.nameVi,
    nameEn: s.nameEn,
    targets: [] as { code: string; weight: number }[],
  }));
  for (const a of assignments) {
    const ind = byId.get(a.indicatorId);
    if (!ind) continue;
    ind.systemIds.push(a.systemId);
    ind.systemCodes.push(systemCode.get(a.systemId) ?? a.systemId);
    if (ind.tier === "target")
      systems.find((s) => s.id === a.systemId)?.targets.push({ code: ind.code, weight: Number(a.weight) });
  }
  return { planId, thresholds, byCode, byId, specs, systems };
}

/** Roll-up cells of some units (no disaggregation), one CellSource per unit. */
export async function loadCells(
  db: Executor,
  catalogue: Catalogue,
  unitIds: readonly string[],
  layer: Layer,
  indicatorIds?: readonly string[],
): Promise<Map<string, CellSource>> {
  const out = new Map<string, Map<string, Map<string, CellSummary>>>();
  for (const u of unitIds) out.set(u, new Map());
  if (unitIds.length > 0) {
    const ids = indicatorIds ?? [...catalogue.byId.keys()];
    const rows = await Q.cellRows(db, unitIds, layer, ids);
    for (const r of rows) {
      const code = catalogue.byId.get(r.indicator_id)?.code;
      if (!code) continue;
      const unit = out.get(r.unit_id) as Map<string, Map<string, CellSummary>>;
      const periods = unit.get(code) ?? new Map<string, CellSummary>();
      periods.set(r.period, cellSummary(r));
      unit.set(code, periods);
    }
  }
  const sources = new Map<string, CellSource>();
  for (const [unitId, byCode] of out) sources.set(unitId, cellSource(byCode));
  return sources;
}

function cellSummary(r: Q.CellRow): CellSummary {
  return {
    count: Number(r.count),
    sum: Number(r.sum),
    weightSum: Number(r.weight_sum),
    weightedSum: Number(r.weighted_sum),
    min: r.min === null ? Number.POSITIVE_INFINITY : Number(r.min),
    max: r.max === null ? Number.NEGATIVE_INFINITY : Number(r.max),
    latest: r.latest === null ? Number.NaN : Number(r.latest),
    latestAt: r.latest_at === null ? Number.NEGATIVE_INFINITY : Number(r.latest_at),
    ownCount: Number(r.own_count),
    ownSum: Number(r.own_sum),
  };
}

function cellSource(byCode: Map<string, Map<string, CellSummary>>): CellSource {
  return {
    cell: (code, period) => byCode.get(code)?.get(period),
    periods: (code) => [...(byCode.get(code)?.keys() ?? [])],
  };
}

/**
 * One unit's disaggregated roll-up cells, one CellSource per category key ("sex=female",
 * "area=rural;sex=female"): each reads every indicator's cells of that same key, so a formula or
 * a ratio of sums is computed from its components' values for that category.
 */
export async function loadDisaggregatedCells(
  db: Executor,
  catalogue: Catalogue,
  unitId: string,
  layer: Layer,
  indicatorIds: readonly string[],
): Promise<Map<string, CellSource>> {
  const byKey = new Map<string, Map<string, Map<string, CellSummary>>>();
  if (indicatorIds.length > 0)
    for (const r of await Q.disaggregatedCellRows(db, unitId, layer, indicatorIds)) {
      const code = catalogue.byId.get(r.indicator_id)?.code;
      if (!code) continue;
      const byCode = byKey.get(r.disagg_key) ?? new Map<string, Map<string, CellSummary>>();
      const periods = byCode.get(code) ?? new Map<string, CellSummary>();
      periods.set(r.period, cellSummary(r));
      byCode.set(code, periods);
      byKey.set(r.disagg_key, byCode);
    }
  return new Map([...byKey].map(([key, byCode]) => [key, cellSource(byCode)]));
}

/** Every indicator an indicator's value depends on (itself, formula references, components), transitively. */
export function dependencies(catalogue: Catalogue, code: string, out = new Set<string>()): Set<string> {
  if (out.has(code)) return out;
  out.add(code);
  const ind = catalogue.byCode.get(code);
  if (!ind) return out;
  const refs: string[] = [];
  const walk = (n: NonNullable<IndicatorSpec["formula"]>): void => {
    if (n.type === "ref") refs.push(n.code);
    else if (n.type === "neg") walk(n.arg);
    else if (n.type === "bin") {
      walk(n.left);
      walk(n.right);
    } else if (n.type === "call") n.args.forEach(walk);
  };
  if (ind.spec.formula) walk(ind.spec.formula);
  const c = ind.spec.components;
  for (const r of [...refs, c?.numerator, c?.denominator, c?.weight]) if (r) dependencies(catalogue, r, out);
  return out;
}
