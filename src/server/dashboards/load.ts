/**
 * What dashboards read: a plan's indicator catalogue (specs, parsed formulas, targets, links,
 * systems) and roll-up cells — never raw values.
 */
import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../db/client.js";
import type { Comparator, TargetKind } from "../../domain/assessment/assess.js";
import { FormulaError, parseFormula } from "../../domain/formula/parse.js";
import type { CellSource, CellSummary, IndicatorSpec, UnitRule } from "../../domain/indicator-values.js";
import type { OverviewIndicator, OverviewSystem, TargetRow } from "../../domain/overview.js";
import type { Layer } from "../../domain/rollup.js";

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
  byCode: Map<string, CatalogueIndicator>;
  byId: Map<string, CatalogueIndicator>;
  specs: Map<string, IndicatorSpec>;
  systems: (OverviewSystem & { id: string })[];
}

interface IndicatorRowRaw {
  id: string;
  code: string;
  tier: string;
  name_vi: string;
  name_en: string | null;
  unit: string | null;
  direction: string;
  kind: string;
  baseline_value: string | number | null;
  frequency: string;
  aggregation: string;
  time_aggregation: string | null;
  aggregation_components: { numerator?: string; denominator?: string; weight?: string } | null;
  formula: string | null;
  published: boolean;
  proposed: boolean;
}

const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

export async function loadCatalogue(db: Executor, planId: string): Promise<Catalogue> {
  const rows = await queryRows<IndicatorRowRaw>(
    db,
    sql`select i.id, i.code, i.tier, i.name_vi, i.name_en, i.unit, i.direction, i.kind, i.baseline_value,
          i.frequency, i.aggregation, i.time_aggregation, i.aggregation_components, i.formula, i.published,
          i.proposed
        from indicators i join plan_indicators pi on pi.indicator_id = i.id
        where pi.plan_id = ${planId} and i.retired_at is null
        order by i.code`,
  );
  const targets = await queryRows<{
    indicator_id: string;
    org_unit_id: string | null;
    year: number;
    comparator: string;
    value: string | number | null;
    value_max: string | number | null;
    achieved: boolean | null;
    note_vi: string | null;
  }>(
    db,
    sql`select indicator_id, org_unit_id, year, comparator, value, value_max, achieved, note_vi
        from indicator_targets where plan_id = ${planId} and retired_at is null`,
  );
  const links = await queryRows<{ parent_id: string; child_id: string; weight: string | number }>(
    db,
    sql`select l.parent_id, l.child_id, l.weight from indicator_links l
        join plan_indicators pi on pi.indicator_id = l.parent_id and pi.plan_id = ${planId}`,
  );
  const assignments = await queryRows<{ indicator_id: string; system_id: string; weight: string | number }>(
    db,
    sql`select indicator_id, system_id, weight from indicator_assignments
        where plan_id = ${planId} and system_id is not null`,
  );
  const systemRows = await queryRows<{ id: string; code: string; name_vi: string; name_en: string | null }>(
    db,
    sql`select id, code, name_vi, name_en from systems where plan_id = ${planId} and retired_at is null order by number, code`,
  );
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
      timeAggregation: r.time_aggregation,
      components: r.aggregation_components,
      formula,
    };
    const ind: CatalogueIndicator = {
      id: r.id,
      code: r.code,
      tier: r.tier,
      nameVi: r.name_vi,
      nameEn: r.name_en,
      unit: r.unit,
      baseline: num(r.baseline_value),
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
  const kindOf = (ind: CatalogueIndicator, raw: IndicatorRowRaw | undefined): TargetKind => {
    const k = raw?.kind;
    if (k === "range" || k === "rank" || k === "growth_rate" || k === "milestone" || k === "qualitative")
      return k;
    return ind.tier === "target" && raw?.direction === "milestone" ? "milestone" : "value";
  };
  const rawById = new Map(rows.map((r) => [r.id, r]));
  for (const t of targets) {
    const ind = byId.get(t.indicator_id);
    if (!ind) continue;
    const row: TargetRow = {
      kind: kindOf(ind, rawById.get(t.indicator_id)),
      comparator: t.comparator as Comparator,
      year: t.year,
      value: num(t.value),
      valueMax: num(t.value_max),
      achieved: t.achieved,
      note: t.note_vi,
    };
    if (t.org_unit_id === null) ind.targets.push(row);
    else {
      const list = ind.unitTargets.get(t.org_unit_id) ?? [];
      list.push(row);
      ind.unitTargets.set(t.org_unit_id, list);
    }
  }
  for (const l of links) {
    const parent = byId.get(l.parent_id);
    const child = byId.get(l.child_id);
    if (parent && child) parent.measuredBy.push({ code: child.code, weight: Number(l.weight) });
  }
  const systemCode = new Map(systemRows.map((s) => [s.id, s.code]));
  const systems = systemRows.map((s) => ({
    id: s.id,
    code: s.code,
    nameVi: s.name_vi,
    nameEn: s.name_en,
    targets: [] as { code: string; weight: number }[],
  }));
  for (const a of assignments) {
    const ind = byId.get(a.indicator_id);
    if (!ind) continue;
    ind.systemIds.push(a.system_id);
    ind.systemCodes.push(systemCode.get(a.system_id) ?? a.system_id);
    if (ind.tier === "target")
      systems.find((s) => s.id === a.system_id)?.targets.push({ code: ind.code, weight: Number(a.weight) });
  }
  return { planId, byCode, byId, specs, systems };
}

interface CellRaw {
  indicator_id: string;
  unit_id: string;
  period: string;
  count: number;
  sum: number;
  weight_sum: number;
  weighted_sum: number;
  min: number | null;
  max: number | null;
  latest: number | null;
  latest_at: number | null;
  own_count: number;
  own_sum: number;
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
    const rows = await queryRows<CellRaw>(
      db,
      sql`select indicator_id, unit_id, period, count, sum, weight_sum, weighted_sum, min, max, latest, latest_at,
            own_count, own_sum
          from rollup_cells
          where unit_id = any(${`{${unitIds.join(",")}}`}::uuid[]) and layer = ${layer} and disagg_key = ''
            and indicator_id = any(${`{${ids.join(",")}}`}::uuid[])`,
    );
    for (const r of rows) {
      const code = catalogue.byId.get(r.indicator_id)?.code;
      if (!code) continue;
      const unit = out.get(r.unit_id) as Map<string, Map<string, CellSummary>>;
      const periods = unit.get(code) ?? new Map<string, CellSummary>();
      periods.set(r.period, {
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
      });
      unit.set(code, periods);
    }
  }
  const sources = new Map<string, CellSource>();
  for (const [unitId, byCode] of out)
    sources.set(unitId, {
      cell: (code, period) => byCode.get(code)?.get(period),
      periods: (code) => [...(byCode.get(code)?.keys() ?? [])],
    });
  return sources;
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
