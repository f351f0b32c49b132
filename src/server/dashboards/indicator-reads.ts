/**
 * Dashboard reads of one indicator: its series at a unit with target line and forecast band, its
 * breakdown over the units under a parent, its values by disaggregation category at a unit, and a
 * comparison of units — from roll-up cells, with what the caller may not see left out.
 */
import type { Executor } from "../../db/client.js";
import { forecast } from "../../domain/assessment/forecast.js";
import { IndicatorValues } from "../../domain/indicator-values.js";
import { assessIndicator, assessmentSeries, currentTarget } from "../../domain/overview.js";
import { formatPeriod, type PeriodKind, parsePeriod } from "../../domain/periods.js";
import type { Layer } from "../../domain/rollup.js";
import type { Principal } from "../access/index.js";
import { AppError, notFound } from "../core/errors.js";
import { stateKey } from "./cache.js";
import { dependencies, loadCells, loadDisaggregatedCells } from "./load.js";
import { catalogueAt } from "./memos.js";
import { presentAssessment, round } from "./presenter.js";
import { childUnits, indicatorDisaggregations, unitByCode } from "./queries.js";
import { currentMonth } from "./service.js";
import { unitReader } from "./unit-reader.js";
import { hiddenFor, unreadableFor } from "./visibility.js";

export interface SeriesQuery {
  unit: string;
  layer: Layer;
  from?: string;
  to?: string;
  frequency?: PeriodKind;
}

/** One indicator's series for one unit, with its targets and, when there is a trend, the forecast band by year. */
export async function indicatorSeries(
  db: Executor,
  planId: string,
  code: string,
  principal: Principal,
  q: SeriesQuery,
  clock = new Date(),
) {
  const cat = await catalogueAt(db, planId, await stateKey(db));
  const ind = cat.byCode.get(code);
  if (!ind) throw notFound("indicator", code);
  const unit = await unitByCode(db, q.unit);
  const hidden = hiddenFor(principal, cat, unit.id, q.layer);
  if (hidden(code)) throw notFound("indicator", code);
  const deps = [...dependencies(cat, code)].map((c) => cat.byCode.get(c)?.id).filter((x): x is string => !!x);
  const cells = (await loadCells(db, cat, [unit.id], q.layer, deps)).get(unit.id);
  if (!cells) throw new AppError("INTERNAL");
  const values = new IndicatorValues(cat.specs, cells, hidden);
  const now = currentMonth(clock);
  const to = q.to ? parsePeriod(q.to) : now;
  const from = q.from ? parsePeriod(q.from) : undefined;
  const rows = values.periodSeries(code, to, from, q.frequency);
  const targets = unit.kind === "country" ? ind.targets : (ind.unitTargets.get(unit.id) ?? []);
  const forUnit = { ...ind, targets };
  const assessment = assessIndicator(values, forUnit, now, clock, cat.thresholds);
  const target = currentTarget(targets, now.year);
  const band: { year: number; value: number; low: number; high: number; low80: number; high80: number }[] =
    [];
  if (target && assessment.forecast) {
    const { points } = assessmentSeries(values, forUnit, now);
    // The same method and options as the assessment, year by year (the fit is memoised).
    const options = { bounds: ind.bounds, minPoints: ind.minPoints ?? undefined };
    for (let y = now.year; y <= target.year; y++) {
      const f = forecast(points, y, options);
      if (f.ok)
        band.push({
          year: y,
          value: round(f.forecast.value) as number,
          low: round(f.forecast.low) as number,
          high: round(f.forecast.high) as number,
          low80: round(f.forecast.low80) as number,
          high80: round(f.forecast.high80) as number,
        });
    }
  }
  return {
    indicator: {
      code,
      name: { vi: ind.nameVi, en: ind.nameEn },
      unit: ind.unit,
      frequency: ind.spec.frequency,
    },
    unit: { code: unit.code, name: { vi: unit.nameVi, en: unit.nameEn } },
    basis: q.layer,
    points: rows.map((r) => ({
      period: formatPeriod(r.period),
      value: round(r.value),
      partial: r.partial === true,
      reason: r.reason ?? null,
    })),
    targets: targets.map((t) => ({
      year: t.year,
      comparator: t.comparator,
      value: t.value,
      valueMax: t.valueMax ?? null,
      kind: t.kind,
    })),
    baseline: ind.baseline,
    assessment: presentAssessment(assessment, cat),
    forecastBand: band,
  };
}

/** The indicator's value for each unit directly under `parent` (the country: every top-level unit). */
export async function indicatorBreakdown(
  db: Executor,
  planId: string,
  code: string,
  principal: Principal,
  q: { parent: string; period: string; layer: Layer },
  clock = new Date(),
) {
  const cat = await catalogueAt(db, planId, await stateKey(db));
  const ind = cat.byCode.get(code);
  if (!ind) throw notFound("indicator", code);
  const parent = await unitByCode(db, q.parent);
  const period = parsePeriod(q.period);
  const start = `${period.year}-01-01`;
  const children = await childUnits(db, parent, start);
  const deps = [...dependencies(cat, code)].map((c) => cat.byCode.get(c)?.id).filter((x): x is string => !!x);
  const all = [parent, ...children];
  const sources = await loadCells(
    db,
    cat,
    all.map((u) => u.id),
    q.layer,
    deps,
  );
  const { valuesOf, unitAssessment } = unitReader(cat, ind, sources, principal, q.layer, clock);
  // No value in the period, or none the caller may see there, is not an error: an empty
  // breakdown with its period (the rows the caller may not see say so). Only someone who may not
  // read the indicator's definition at all learns nothing of it.
  if (all.every((u) => valuesOf(u.id) === null) && unreadableFor(principal, cat)(code))
    throw notFound("indicator", code);
  const unitValue = (unitId: string) => valuesOf(unitId)?.value(code, period) ?? null;
  const total = unitValue(parent.id);
  const items = children
    .map((c) => {
      const r = unitValue(c.id);
      return {
        unit: { code: c.code, name: { vi: c.nameVi, en: c.nameEn }, kind: c.kind },
        value: r ? round(r.value) : null,
        partial: r?.partial === true,
        reason: r === null ? { vi: "không được xem", en: "not visible to you" } : (r.reason ?? null),
        assessment: r === null ? null : unitAssessment(c),
      };
    })
    .filter((i) => i.value !== null || i.reason !== null);
  const ranked = [...items]
    .filter((i) => i.value !== null)
    .sort((a, b) => (b.value as number) - (a.value as number));
  const rank = new Map(ranked.map((i, k) => [i.unit.code, k + 1]));
  return {
    indicator: { code, name: { vi: ind.nameVi, en: ind.nameEn }, unit: ind.unit },
    parent: { code: parent.code, name: { vi: parent.nameVi, en: parent.nameEn } },
    period: formatPeriod(period),
    basis: q.layer,
    total: total
      ? { value: round(total.value), partial: total.partial === true, reason: total.reason ?? null }
      : null,
    assessment: total ? unitAssessment(parent) : null,
    items: items
      .filter((i) => i.value !== null)
      .concat(items.filter((i) => i.value === null))
      .map((i) => ({ ...i, rank: rank.get(i.unit.code) ?? null })),
  };
}

/** Series of several units side by side. */
export async function compareUnits(
  db: Executor,
  planId: string,
  code: string,
  principal: Principal,
  q: { units: string[]; layer: Layer; from?: string; to?: string },
  clock = new Date(),
) {
  // An unknown indicator is 404, as for series; so is one the caller sees for none of the units
  // (series answers each of them 404): a comparison does not reveal that a hidden code exists.
  const cat = await catalogueAt(db, planId, await stateKey(db));
  if (!cat.byCode.has(code)) throw notFound("indicator", code);
  const out = [];
  for (const u of q.units) {
    try {
      const s = await indicatorSeries(
        db,
        planId,
        code,
        principal,
        { unit: u, layer: q.layer, from: q.from, to: q.to },
        clock,
      );
      out.push({ unit: s.unit, points: s.points, assessment: s.assessment });
    } catch (err) {
      if (
        err instanceof AppError &&
        err.code === "NOT_FOUND" &&
        (err.params as { entity?: string }).entity === "indicator"
      )
        out.push({ unit: { code: u, name: null }, points: [], assessment: null, hidden: true });
      else throw err;
    }
  }
  if (out.every((u) => u.hidden)) throw notFound("indicator", code);
  return { indicator: code, basis: q.layer, units: out };
}

/** The categories of a disaggregation key: "area=rural;sex=female" → { area: "rural", sex: "female" }. */
export function categoriesOf(key: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of key.split(";")) {
    const at = part.indexOf("=");
    if (at > 0) out[part.slice(0, at)] = part.slice(at + 1);
  }
  return out;
}

/**
 * The indicator's value at one unit in one period for each disaggregation category reported
 * (sex = female, enterprise_size = small …), beside the total. Each category is computed by the
 * indicator's own rules from its components' cells of that category (a ratio of sums from the
 * numerator's and the denominator's female cells). One-dimension categories are listed under
 * their dimension, every declared option in the declared order (null: no value); values reported
 * for several dimensions at once are listed as combinations and not added into the one-dimension
 * rows (only additive indicators could be, and the reporter chose not to). Visibility as the
 * series: 404 when the caller may not see the indicator at this unit.
 */
export async function indicatorDisaggregationsAt(
  db: Executor,
  planId: string,
  code: string,
  principal: Principal,
  q: { unit: string; period: string; layer: Layer },
) {
  const cat = await catalogueAt(db, planId, await stateKey(db));
  const ind = cat.byCode.get(code);
  if (!ind) throw notFound("indicator", code);
  const unit = await unitByCode(db, q.unit);
  const hidden = hiddenFor(principal, cat, unit.id, q.layer);
  if (hidden(code)) throw notFound("indicator", code);
  const period = parsePeriod(q.period);
  const deps = [...dependencies(cat, code)].map((c) => cat.byCode.get(c)?.id).filter((x): x is string => !!x);
  const declared = (await indicatorDisaggregations(db, ind.id)) ?? {};
  const total = (await loadCells(db, cat, [unit.id], q.layer, deps)).get(unit.id);
  if (!total) throw new AppError("INTERNAL");
  const totalValue = new IndicatorValues(cat.specs, total, hidden).value(code, period);
  const byKey = await loadDisaggregatedCells(db, cat, unit.id, q.layer, deps);

  const single = new Map<string, Map<string, { value: number | null; partial: boolean }>>();
  const combinations: { categories: Record<string, string>; value: number; partial: boolean }[] = [];
  for (const [key, source] of [...byKey].sort(([a], [b]) => a.localeCompare(b))) {
    const r = new IndicatorValues(cat.specs, source, hidden).value(code, period);
    if (r.value === null) continue;
    const value = { value: round(r.value) as number, partial: r.partial === true };
    const categories = categoriesOf(key);
    const dims = Object.keys(categories);
    const [dim] = dims;
    if (dims.length === 1 && dim !== undefined) {
      const options = single.get(dim) ?? new Map<string, { value: number | null; partial: boolean }>();
      options.set(categories[dim] as string, value);
      single.set(dim, options);
    } else combinations.push({ categories, ...value });
  }
  // Declared dimensions first, in their order; then any reported under a dimension since removed.
  const dimensions = [...new Set([...Object.keys(declared), ...single.keys()])].map((dim) => {
    const seen = single.get(dim) ?? new Map<string, { value: number | null; partial: boolean }>();
    const options = [...new Set([...(declared[dim] ?? []), ...seen.keys()])];
    return {
      code: dim,
      declared: dim in declared,
      options: options.map((o) => ({
        code: o,
        value: seen.get(o)?.value ?? null,
        partial: seen.get(o)?.partial ?? false,
      })),
    };
  });
  return {
    indicator: { code, name: { vi: ind.nameVi, en: ind.nameEn }, unit: ind.unit },
    unit: { code: unit.code, name: { vi: unit.nameVi, en: unit.nameEn } },
    period: formatPeriod(period),
    basis: q.layer,
    total: {
      value: round(totalValue.value),
      partial: totalValue.partial === true,
      reason: totalValue.value === null ? (totalValue.reason ?? null) : null,
    },
    dimensions,
    combinations,
  };
}
